import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../database';
import {
  integrationCredentials,
  listEntries,
  msspIntegrationCredentials,
  msspListEntries,
  reputationCache,
  threatIndicators,
} from '../../schema/index';
import { type SeededTenant, seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { listCredentialStatus, setMsspCredential, setTenantCredential } from './integration-credentials';
import { deleteListEntries, listListEntries, upsertListEntry } from './list-entries';
import { readCachedVerdict, writeCachedVerdict } from './reputation-cache';
import { findThreatIndicators, upsertThreatIndicators } from './threat-indicators';

const t = useTestDatabase();
const key = randomBytes(32);
let a: SeededTenant;
let b: SeededTenant;

/** As the runtime role with no scope at all (what code outside withTenant gets). */
const noScope = <T>(fn: (tx: Tx) => Promise<T>) =>
  t.app.db.transaction(async (tx) => {
    await tx.execute(sql`set local role palisade_app`);
    return fn(tx);
  });

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await withTenantOn(t.app.db, b.id, async (tx) => {
    await upsertListEntry(tx, {
      scope: 'tenant',
      tenantId: b.id,
      entry: { list: 'block', matchKind: 'value', value: 'b.example' },
      actorUserId: null,
    });
    await setTenantCredential(tx, key, {
      tenantId: b.id,
      provider: 'virustotal',
      secret: 'b-key',
      actorUserId: null,
    });
    await upsertThreatIndicators(tx, [
      { tenantId: b.id, type: 'ipv4', value: '203.0.113.5', source: 'feed' },
    ]);
    await upsertListEntry(tx, {
      scope: 'mssp',
      tenantId: b.id,
      entry: { list: 'allow', matchKind: 'cidr', value: '192.0.2.0/24' },
      actorUserId: null,
    });
    await setMsspCredential(tx, key, { provider: 'otx', secret: 'mssp-otx', actorUserId: null });
  });
});

describe('enrichment tables under RLS', () => {
  it("tenant A's scope sees none of B's entries, credentials or indicators (B's own scope does)", async () => {
    const seenByA = await withTenantOn(t.app.db, a.id, async (tx) => ({
      lists: await tx.select().from(listEntries),
      creds: await tx.select().from(integrationCredentials),
      intel: await findThreatIndicators(tx, { tenantId: b.id, type: 'ipv4', value: '203.0.113.5' }),
    }));
    expect(seenByA).toEqual({ lists: [], creds: [], intel: [] });
    const seenByB = await withTenantOn(t.app.db, b.id, async (tx) => ({
      lists: (await tx.select().from(listEntries)).length,
      creds: (await tx.select().from(integrationCredentials)).length,
      intel: (await findThreatIndicators(tx, { tenantId: b.id, type: 'ipv4', value: '203.0.113.5' })).length,
    }));
    expect(seenByB).toEqual({ lists: 1, creds: 1, intel: 1 });
  });

  it("A's scope cannot write rows for B", async () => {
    const denied = await withTenantOn(t.app.db, a.id, (tx) =>
      tx.insert(listEntries).values({ tenantId: b.id, list: 'allow', matchKind: 'value', value: 'x' }),
    ).catch((err: Error) => err);
    // drizzle wraps the PostgreSQL error in `cause`.
    expect(denied instanceof Error && String((denied.cause as Error | undefined)?.message)).toMatch(
      /row-level security/,
    );
    const [bEntry] = await t.db.select().from(listEntries).where(sql`${listEntries.tenantId} = ${b.id}`);
    expect(
      await withTenantOn(t.app.db, a.id, (tx) =>
        deleteListEntries(tx, { scope: 'tenant', tenantId: b.id, ids: [bEntry?.id ?? ''] }),
      ),
    ).toEqual([]);
  });

  it('MSSP-wide rows are inherited by every scope and invisible without one', async () => {
    const inA = await withTenantOn(t.app.db, a.id, (tx) => listListEntries(tx, { tenantId: a.id }));
    expect(inA.map((e) => [e.scope, e.value])).toEqual([['mssp', '192.0.2.0/24']]);
    expect(await noScope((tx) => tx.select().from(msspListEntries))).toEqual([]);
    expect(await noScope((tx) => tx.select().from(msspIntegrationCredentials))).toEqual([]);
  });

  it('the reputation cache is public data: read and written with no scope', async () => {
    await noScope((tx) =>
      writeCachedVerdict(tx, {
        provider: 'p',
        artifactType: 'ipv4',
        value: '198.51.100.1',
        verdict: { v: 1 },
        ttlSeconds: 60,
      }),
    );
    expect(
      await noScope((tx) =>
        readCachedVerdict(tx, { provider: 'p', artifactType: 'ipv4', value: '198.51.100.1' }),
      ),
    ).toMatchObject({
      verdict: { v: 1 },
    });
    expect(await noScope((tx) => tx.select().from(reputationCache))).toHaveLength(1);
  });

  it('credential status says configured yes/no and which applies, never the secret', async () => {
    const status = await withTenantOn(t.app.db, b.id, (tx) =>
      listCredentialStatus(tx, { tenantId: b.id, providers: ['virustotal', 'otx', 'greynoise'] }),
    );
    expect(
      status.map((s) => [s.provider, s.effective, s.tenant?.configured ?? null, s.mssp?.configured ?? null]),
    ).toEqual([
      ['virustotal', 'tenant', true, null],
      ['otx', 'mssp', null, true],
      ['greynoise', 'none', null, null],
    ]);
    expect(JSON.stringify(status)).not.toMatch(/b-key|mssp-otx|v1\./);
  });

  it('an upsert by natural key updates instead of duplicating; indicators move last_seen', async () => {
    const first = await withTenantOn(t.app.db, a.id, (tx) =>
      upsertListEntry(tx, {
        scope: 'tenant',
        tenantId: a.id,
        entry: { list: 'vip', matchKind: 'value', value: 'ceo@a' },
        actorUserId: null,
      }),
    );
    const second = await withTenantOn(t.app.db, a.id, (tx) =>
      upsertListEntry(tx, {
        scope: 'tenant',
        tenantId: a.id,
        entry: { list: 'vip', matchKind: 'value', value: 'ceo@a', reason: 'CEO' },
        actorUserId: null,
      }),
    );
    expect(second).toBe(first);
    const later = new Date(Date.now() + 60_000);
    await withTenantOn(t.app.db, b.id, (tx) =>
      upsertThreatIndicators(tx, [
        { tenantId: b.id, type: 'ipv4', value: '203.0.113.5', source: 'feed', lastSeen: later },
      ]),
    );
    const rows = await t.db
      .select()
      .from(threatIndicators)
      .where(sql`${threatIndicators.value} = '203.0.113.5'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.lastSeen.getTime()).toBe(later.getTime());
  });
});
