import { daemonCursors, daemonOutputs, daemons } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { validateDaemon } from '@palisade/worker/daemons/validate-daemon';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The daemons.* rows of the isolation suite. Fixtures are inserted straight through withTenant (no
// audit entries), because audit.list's positive control counts tenant A's audit log.

const YAML = `name: iso-stale
kind: stale-incidents
schedule:
  every: 1h
inputs:
  recipients:
    socManagement: false
    emails: [soc@example.com]
`;
const SQL_YAML = `name: iso-sql
kind: sql-poll
schedule:
  every: 1h
inputs:
  driver: postgres
  host: 127.0.0.1
  database: none
  user: none
  table: events
  cursorColumn: id
  idColumn: id
`;

type TenantDaemons = { stale: string; sql: string; output: string };
let seeded: Promise<Record<'a' | 'b', TenantDaemons>> | undefined;

async function seedTenant(tenantId: string): Promise<TenantDaemons> {
  return withTenant(tenantId, async (tx) => {
    const ids: string[] = [];
    for (const yaml of [YAML, SQL_YAML]) {
      const v = validateDaemon(yaml);
      if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('; '));
      const id = crypto.randomUUID();
      await tx.insert(daemons).values({
        tenantId,
        id,
        name: v.daemon.definition.name,
        kind: v.daemon.definition.kind,
        yaml,
        definition: v.daemon.definition as unknown as Record<string, unknown>,
        scheduleKind: 'interval',
        nextRunAt: new Date(Date.now() + 3_600_000),
      });
      ids.push(id);
    }
    const [stale, sql] = ids as [string, string];
    await tx.insert(daemonCursors).values({ tenantId, daemonId: sql, value: { value: 5, id: 5 } });
    const output = crypto.randomUUID();
    await tx.insert(daemonOutputs).values({
      tenantId,
      id: output,
      daemonId: stale,
      fileName: 'x.csv',
      mime: 'text/csv',
      bytes: Buffer.from('a,b\n'),
    });
    return { stale, sql, output };
  });
}

function dx(fx: Fixtures) {
  seeded ??= (async () => ({ a: await seedTenant(fx.a.id), b: await seedTenant(fx.b.id) }))();
  return seeded;
}

/** A tenant-scoped procedure: client A naming B → NOT_FOUND, naming A → FORBIDDEN (staff only). */
function tenantCase(
  call: (c: Parameters<Case['call']>[0], tenantId: string, d: TenantDaemons) => Promise<unknown>,
  positive: Case['positive'],
): Case {
  return {
    call: async (c, fx) => call(c, fx.a.id, (await dx(fx)).a),
    crossTenant: async ({ clientA }, fx) => {
      const d = await dx(fx);
      await expect(call(clientA, fx.b.id, d.b)).rejects.toMatchObject(NOT_FOUND);
      await expect(call(clientA, fx.a.id, d.a)).rejects.toMatchObject(FORBIDDEN);
    },
    positive,
  };
}

export const DAEMONS_CASES = {
  'daemons.list': {
    call: (c) => c.daemons.list({}),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await dx(fx);
      await expect(clientA.daemons.list({})).rejects.toMatchObject(FORBIDDEN);
      await expect(analyst.daemons.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      // The analyst (A and C) sees A's daemons, none of B's.
      const rows = await analyst.daemons.list({});
      expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set([fx.a.id]));
    },
    positive: async ({ admin }, fx) => {
      const d = await dx(fx);
      const ids = (await admin.daemons.list({ tenantId: fx.b.id })).map((r) => r.id).sort();
      expect(ids).toEqual([d.b.stale, d.b.sql].sort());
    },
  },
  'daemons.get': tenantCase(
    (c, tenantId, d) => c.daemons.get({ tenantId, daemonId: d.stale }),
    async ({ analyst }, fx) => {
      const d = await dx(fx);
      const got = await analyst.daemons.get({ tenantId: fx.a.id, daemonId: d.a.sql });
      expect(got.daemon).toMatchObject({ id: d.a.sql, kind: 'sql-poll', state: 'idle' });
      expect(got.cursor?.value).toEqual({ value: 5, id: 5 });
      // A's id under B's tenant: not found (RLS and the tenant filter).
      await expect(analyst.daemons.get({ tenantId: fx.c.id, daemonId: d.a.sql })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
  ),
  'daemons.templates': {
    call: (c) => c.daemons.templates(),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.daemons.templates()).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }) => {
      expect((await analyst.daemons.templates()).map((t) => t.kind)).toContain('syslog');
    },
  },
  'daemons.validate': {
    call: (c) => c.daemons.validate({ yaml: YAML }),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.daemons.validate({ yaml: YAML })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }) => {
      expect(await analyst.daemons.validate({ yaml: YAML })).toMatchObject({
        ok: true,
        kind: 'stale-incidents',
      });
      const bad = await analyst.daemons.validate({ yaml: YAML.replace('every: 1h', 'every: soon') });
      expect(bad).toMatchObject({ ok: false, errors: [{ line: 4, column: 10 }] });
    },
  },
  'daemons.preview': {
    call: (c) => c.daemons.preview({ yaml: YAML, sample: '{}' }),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.daemons.preview({ yaml: YAML, sample: '{}' })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }) => {
      const yaml =
        'name: p\nkind: syslog\nschedule:\n  listen: true\ninputs:\n  port: 0\nfilter: format = "cef"\nmapping:\n  title: cef.name\n';
      const r = await analyst.daemons.preview({
        yaml,
        sample: 'CEF:0|V|P|1|100|Port scan|7|src=203.0.113.5',
      });
      expect(r).toMatchObject({ ok: true, applies: true, passesFilter: true, alert: { title: 'Port scan' } });
    },
  },
  'daemons.save': tenantCase(
    (c, tenantId) => c.daemons.save({ tenantId, yaml: 'not: [valid' }),
    async ({ admin, analyst }, fx) => {
      await expect(analyst.daemons.save({ tenantId: fx.a.id, yaml: YAML })).rejects.toMatchObject(FORBIDDEN);
      const r = await admin.daemons.save({ tenantId: fx.c.id, yaml: YAML });
      expect(r).toMatchObject({ ok: true });
      const invalid = await admin.daemons.save({
        tenantId: fx.c.id,
        yaml: YAML.replace('kind: stale-incidents', 'kind: nope'),
      });
      expect(invalid).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    },
  ),
  'daemons.setEnabled': tenantCase(
    (c, tenantId, d) => c.daemons.setEnabled({ tenantId, daemonId: d.stale, enabled: false }),
    async ({ admin }, fx) => {
      const d = await dx(fx);
      await admin.daemons.setEnabled({ tenantId: fx.b.id, daemonId: d.b.stale, enabled: false });
      expect((await admin.daemons.get({ tenantId: fx.b.id, daemonId: d.b.stale })).daemon).toMatchObject({
        enabled: false,
        state: 'disabled',
        nextRunAt: null,
      });
      await admin.daemons.setEnabled({ tenantId: fx.b.id, daemonId: d.b.stale, enabled: true });
    },
  ),
  'daemons.runNow': tenantCase(
    (c, tenantId, d) => c.daemons.runNow({ tenantId, daemonId: d.stale }),
    async ({ analyst }, fx) => {
      const d = await dx(fx);
      await analyst.daemons.runNow({ tenantId: fx.a.id, daemonId: d.a.stale });
      const next = (await analyst.daemons.get({ tenantId: fx.a.id, daemonId: d.a.stale })).daemon.nextRunAt;
      expect(next && new Date(next).getTime()).toBeLessThanOrEqual(Date.now());
    },
  ),
  'daemons.reschedule': tenantCase(
    (c, tenantId, d) =>
      c.daemons.reschedule({ tenantId, daemonId: d.stale, at: new Date('2030-01-01T00:00:00Z') }),
    async ({ admin }, fx) => {
      const d = await dx(fx);
      await admin.daemons.reschedule({
        tenantId: fx.b.id,
        daemonId: d.b.stale,
        at: new Date('2030-01-01T00:00:00Z'),
      });
      expect((await admin.daemons.get({ tenantId: fx.b.id, daemonId: d.b.stale })).daemon.nextRunAt).toEqual(
        new Date('2030-01-01T00:00:00Z'),
      );
    },
  ),
  'daemons.resetCursor': tenantCase(
    (c, tenantId, d) => c.daemons.resetCursor({ tenantId, daemonId: d.sql }),
    async ({ admin }, fx) => {
      const d = await dx(fx);
      await admin.daemons.resetCursor({ tenantId: fx.b.id, daemonId: d.b.sql });
      expect((await admin.daemons.get({ tenantId: fx.b.id, daemonId: d.b.sql })).cursor?.value).toBeNull();
    },
  ),
  'daemons.rewindCursor': tenantCase(
    (c, tenantId, d) => c.daemons.rewindCursor({ tenantId, daemonId: d.sql, value: { value: 1, id: 1 } }),
    async ({ admin }, fx) => {
      const d = await dx(fx);
      await admin.daemons.rewindCursor({ tenantId: fx.b.id, daemonId: d.b.sql, value: { value: 2, id: 2 } });
      const got = await admin.daemons.get({ tenantId: fx.b.id, daemonId: d.b.sql });
      expect(got.cursor?.value).toEqual({ value: 2, id: 2 });
      expect(got.cursorHistory[0]).toMatchObject({ reason: 'rewind', value: { value: 2, id: 2 } });
      await expect(
        admin.daemons.rewindCursor({ tenantId: fx.b.id, daemonId: d.b.sql, value: 'nonsense' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    },
  ),
  'daemons.output': tenantCase(
    (c, tenantId, d) => c.daemons.output({ tenantId, outputId: d.output }),
    async ({ analyst }, fx) => {
      const d = await dx(fx);
      expect(await analyst.daemons.output({ tenantId: fx.a.id, outputId: d.a.output })).toEqual({
        fileName: 'x.csv',
        mime: 'text/csv',
        base64: Buffer.from('a,b\n').toString('base64'),
      });
      await expect(analyst.daemons.output({ tenantId: fx.a.id, outputId: d.b.output })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
  ),
} satisfies Record<string, Case>;
