import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDatabase } from '@palisade/db/client';
import {
  attackMappingRules,
  incidentEnrichments,
  incidents,
  listEntries,
  msspListEntries,
} from '@palisade/db/schema';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Callers, type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The lists.* and integrations.* rows of the isolation suite (spread into its CASES, whose type
// still demands one row per procedure). Fixtures are seeded on first use, after seedFixtures.

type EnrichmentFixtures = {
  entryA: string;
  entryB: string;
  valueB: string;
  greynoiseUrl: string;
  incidentA: string;
  incidentB: string;
  ruleB: string;
};
let seeded: Promise<EnrichmentFixtures> | undefined;

/** One list entry in A and in B, one MSSP-wide entry, B's own VirusTotal key, a local GreyNoise stand-in. */
function enrichmentFixtures(fx: Fixtures, callers: Callers): Promise<EnrichmentFixtures> {
  seeded ??= (async () => {
    const { db } = await getDatabase();
    const entryA = crypto.randomUUID();
    const entryB = crypto.randomUUID();
    await db.insert(listEntries).values([
      { tenantId: fx.a.id, id: entryA, list: 'block', matchKind: 'value', value: 'a-only.example' },
      { tenantId: fx.b.id, id: entryB, list: 'block', matchKind: 'value', value: 'b-secret.example' },
    ]);
    await db
      .insert(msspListEntries)
      .values({ list: 'allow', matchKind: 'cidr', value: '192.0.2.0/24', reason: 'MSSP scanners' });
    await callers.admin.integrations.setCredential({
      tenantId: fx.b.id,
      provider: 'virustotal',
      apiKey: 'secret-key-of-b',
    });
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ip: '8.8.8.8',
          noise: false,
          riot: true,
          classification: 'benign',
          name: 'Google Public DNS',
          message: 'Success',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();
    const greynoiseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // One enriched incident per tenant (the incident fixtures exist by now).
    const incidentOf = async (tenantId: string) => {
      const [row] = await db
        .select({ id: incidents.id })
        .from(incidents)
        .where(eq(incidents.tenantId, tenantId))
        .limit(1);
      if (!row) throw new Error('the incident fixtures are missing');
      await db.insert(incidentEnrichments).values({
        tenantId,
        incidentId: row.id,
        summary: { worst: 'malicious', counts: { malicious: 1, suspicious: 0, benign: 0, unknown: 0 } },
        techniques: [],
      });
      return row.id;
    };
    const incidentA = await incidentOf(fx.a.id);
    const incidentB = await incidentOf(fx.b.id);
    const ruleB = crypto.randomUUID();
    await db
      .insert(attackMappingRules)
      .values({ tenantId: fx.b.id, id: ruleB, field: 'rule_name', pattern: 'b-*', techniqueId: 'T1110' });
    return { entryA, entryB, valueB: 'b-secret.example', greynoiseUrl, incidentA, incidentB, ruleB };
  })();
  return seeded;
}

const csv = 'list,match_kind,value\nblock,value,imported.example\nblock,cidr,not-a-cidr\n';

export const ENRICHMENT_CASES = {
  'lists.list': {
    call: (c, fx) => c.lists.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.lists.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.lists.list({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      const entries = await callers.analyst.lists.list({ tenantId: fx.a.id });
      expect(entries.map((e) => e.id)).toContain(lx.entryA);
      expect(entries.map((e) => e.id)).not.toContain(lx.entryB);
      expect(entries.find((e) => e.scope === 'mssp')?.value).toBe('192.0.2.0/24');
    },
  },
  'lists.upsert': {
    call: (c, fx) => c.lists.upsert({ tenantId: fx.a.id, entry: { list: 'block', value: 'x.example' } }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.lists.upsert({ tenantId: fx.b.id, entry: { list: 'block', value: 'x.example' } }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const { id } = await analyst.lists.upsert({
        tenantId: fx.a.id,
        entry: { list: 'vip', value: 'ceo@a.example' },
      });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      // MSSP-wide lists are for MSSP admins only; an admin's entry is inherited by every tenant.
      await admin.lists.upsert({
        tenantId: fx.c.id,
        scope: 'mssp',
        entry: { list: 'block', value: 'mssp-wide.example' },
      });
      expect(
        (await analyst.lists.list({ tenantId: fx.a.id })).find((e) => e.value === 'mssp-wide.example'),
      ).toMatchObject({
        scope: 'mssp',
      });
      await expect(
        analyst.lists.upsert({
          tenantId: fx.a.id,
          scope: 'mssp',
          entry: { list: 'block', value: 'y.example' },
        }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
  },
  'lists.remove': {
    call: (c, fx) => c.lists.remove({ tenantId: fx.a.id, ids: [crypto.randomUUID()] }),
    crossTenant: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      await expect(
        callers.clientA.lists.remove({ tenantId: fx.b.id, ids: [lx.entryB] }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      // B's entry named under A's tenant is untouched.
      expect(await callers.analyst.lists.remove({ tenantId: fx.a.id, ids: [lx.entryB] })).toEqual({
        deleted: [],
      });
      expect((await callers.admin.lists.list({ tenantId: fx.b.id })).map((e) => e.id)).toContain(lx.entryB);
      const { id } = await callers.analyst.lists.upsert({
        tenantId: fx.a.id,
        entry: { list: 'block', value: 'gone.example' },
      });
      expect(await callers.analyst.lists.remove({ tenantId: fx.a.id, ids: [id] })).toEqual({ deleted: [id] });
    },
  },
  'lists.importPreview': {
    call: (c, fx) => c.lists.importPreview({ tenantId: fx.a.id, csv }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.lists.importPreview({ tenantId: fx.b.id, csv })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const preview = await analyst.lists.importPreview({ tenantId: fx.a.id, csv });
      expect(preview.rows.map((r) => r.entry.value)).toEqual(['imported.example']);
      expect(preview.errors.map((e) => e.line)).toEqual([3]);
    },
  },
  'lists.importCommit': {
    call: (c, fx) => c.lists.importCommit({ tenantId: fx.a.id, csv }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.lists.importCommit({ tenantId: fx.b.id, csv })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const result = await analyst.lists.importCommit({ tenantId: fx.a.id, csv, fileName: 'iso.csv' });
      expect(result).toMatchObject({ imported: 1, errors: [{ line: 3 }] });
      const inA = await analyst.lists.list({ tenantId: fx.a.id });
      expect(inA.find((e) => e.value === 'imported.example')).toMatchObject({
        scope: 'tenant',
        source: 'csv:iso.csv',
      });
      expect((await admin.lists.list({ tenantId: fx.b.id })).map((e) => e.value)).not.toContain(
        'imported.example',
      );
    },
  },
  'lists.export': {
    call: (c, fx) => c.lists.export({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.lists.export({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      const { csv: out } = await callers.analyst.lists.export({ tenantId: fx.a.id });
      expect(out).toContain('a-only.example');
      expect(out).not.toContain(lx.valueB);
    },
  },
  'integrations.list': {
    call: (c, fx) => c.integrations.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.integrations.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async (callers, fx) => {
      await enrichmentFixtures(fx, callers);
      const forB = await callers.admin.integrations.list({ tenantId: fx.b.id });
      expect(forB.find((p) => p.id === 'virustotal')?.status).toMatchObject({
        effective: 'tenant',
        tenant: { configured: true },
      });
      // Configured yes/no only: neither the key nor its ciphertext leaves the server.
      expect(JSON.stringify(forB)).not.toMatch(/secret-key-of-b|v1\./);
      const forA = await callers.analyst.integrations.list({ tenantId: fx.a.id });
      expect(forA.find((p) => p.id === 'virustotal')?.status?.tenant).toBeNull();
      // Daemon credentials are listed next to the OSINT providers, per tenant as well.
      expect(forA.find((p) => p.id === 'splunk')).toMatchObject({
        category: 'daemon',
        status: { tenant: null },
      });
    },
  },
  'integrations.setCredential': {
    call: (c, fx) => c.integrations.setCredential({ tenantId: fx.a.id, provider: 'otx', apiKey: 'k' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.integrations.setCredential({ tenantId: fx.b.id, provider: 'otx', apiKey: 'k' }),
      ).rejects.toMatchObject(NOT_FOUND);
      // Daemon connector credentials go through the same tenant check.
      await expect(
        clientA.integrations.setCredential({
          tenantId: fx.b.id,
          provider: 'splunk',
          fields: { token: 't' },
          baseUrl: 'https://splunk.b.example:8089',
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin, analyst }, fx) => {
      await expect(
        analyst.integrations.setCredential({ tenantId: fx.a.id, provider: 'otx', apiKey: 'k' }),
      ).rejects.toMatchObject(FORBIDDEN);
      expect(
        await admin.integrations.setCredential({ tenantId: fx.c.id, provider: 'otx', apiKey: 'otx-key-c' }),
      ).toEqual({
        provider: 'otx',
        scope: 'tenant',
        configured: true,
      });
    },
  },
  'integrations.clearCredential': {
    call: (c, fx) => c.integrations.clearCredential({ tenantId: fx.a.id, provider: 'otx' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.integrations.clearCredential({ tenantId: fx.b.id, provider: 'virustotal' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      await admin.integrations.setCredential({ tenantId: fx.c.id, provider: 'abuseipdb', apiKey: 'abuse-c' });
      expect(await admin.integrations.clearCredential({ tenantId: fx.c.id, provider: 'abuseipdb' })).toEqual({
        cleared: true,
      });
      expect(await admin.integrations.clearCredential({ tenantId: fx.c.id, provider: 'abuseipdb' })).toEqual({
        cleared: false,
      });
    },
  },
  'integrations.testConnection': {
    call: (c, fx) => c.integrations.testConnection({ tenantId: fx.a.id, provider: 'greynoise' }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await expect(
        clientA.integrations.testConnection({ tenantId: fx.b.id, provider: 'virustotal' }),
      ).rejects.toMatchObject(FORBIDDEN);
      // Staff outside B's scope cannot probe B's credentials either.
      await expect(
        analyst.integrations.testConnection({ tenantId: fx.b.id, provider: 'virustotal' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.integrations.testConnection({ tenantId: fx.b.id, provider: 'splunk' }),
      ).rejects.toMatchObject(FORBIDDEN);
      await expect(
        analyst.integrations.testConnection({ tenantId: fx.b.id, provider: 'splunk' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      expect(
        await callers.analyst.integrations.testConnection({ tenantId: fx.a.id, provider: 'virustotal' }),
      ).toEqual({
        ok: false,
        source: 'none',
        message: 'not configured',
      });
      await callers.admin.integrations.setCredential({
        tenantId: fx.a.id,
        provider: 'greynoise',
        baseUrl: lx.greynoiseUrl,
      });
      expect(
        await callers.analyst.integrations.testConnection({ tenantId: fx.a.id, provider: 'greynoise' }),
      ).toEqual({
        ok: true,
        source: 'tenant',
        message: 'connected',
      });
    },
  },
  'enrichment.incident': {
    call: (c, fx) => c.enrichment.incident({ tenantId: fx.a.id, incidentId: crypto.randomUUID() }),
    crossTenant: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      await expect(
        callers.clientA.enrichment.incident({ tenantId: fx.b.id, incidentId: lx.incidentB }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        callers.clientA.enrichment.incident({ tenantId: fx.a.id, incidentId: lx.incidentA }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      // B's incident named under A's tenant is not there.
      expect(
        await callers.analyst.enrichment.incident({ tenantId: fx.a.id, incidentId: lx.incidentB }),
      ).toBeNull();
      expect(
        await callers.analyst.enrichment.incident({ tenantId: fx.a.id, incidentId: lx.incidentA }),
      ).toMatchObject({
        incidentId: lx.incidentA,
        summary: { worst: 'malicious' },
        attackNotice: expect.stringMatching(/MITRE/),
      });
    },
  },
  'attackRules.list': {
    call: (c, fx) => c.attackRules.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.attackRules.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      expect((await callers.admin.attackRules.list({ tenantId: fx.b.id })).map((r) => r.id)).toContain(
        lx.ruleB,
      );
      expect((await callers.analyst.attackRules.list({ tenantId: fx.a.id })).map((r) => r.id)).not.toContain(
        lx.ruleB,
      );
    },
  },
  'attackRules.create': {
    call: (c, fx) =>
      c.attackRules.create({ tenantId: fx.a.id, field: 'rule_name', pattern: 'x*', techniqueId: 'T1110' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.attackRules.create({
          tenantId: fx.b.id,
          field: 'rule_name',
          pattern: 'x*',
          techniqueId: 'T1110',
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const { id } = await analyst.attackRules.create({
        tenantId: fx.a.id,
        field: 'source',
        pattern: 'microsoft *',
        techniqueId: 't1059.001',
      });
      expect((await analyst.attackRules.list({ tenantId: fx.a.id })).find((r) => r.id === id)).toMatchObject({
        techniqueId: 'T1059.001',
        technique: { name: 'PowerShell' },
      });
      await expect(
        analyst.attackRules.create({
          tenantId: fx.a.id,
          field: 'source',
          pattern: 'x',
          techniqueId: 'T9999',
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    },
  },
  'attackRules.remove': {
    call: (c, fx) => c.attackRules.remove({ tenantId: fx.a.id, id: crypto.randomUUID() }),
    crossTenant: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      await expect(
        callers.clientA.attackRules.remove({ tenantId: fx.b.id, id: lx.ruleB }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async (callers, fx) => {
      const lx = await enrichmentFixtures(fx, callers);
      expect(await callers.analyst.attackRules.remove({ tenantId: fx.a.id, id: lx.ruleB })).toEqual({
        removed: false,
      });
      const { id } = await callers.analyst.attackRules.create({
        tenantId: fx.a.id,
        field: 'rule_name',
        pattern: 'gone*',
        techniqueId: 'T1110',
      });
      expect(await callers.analyst.attackRules.remove({ tenantId: fx.a.id, id })).toEqual({ removed: true });
    },
  },
} satisfies Record<string, Case>;
