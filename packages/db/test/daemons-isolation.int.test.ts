import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { rowsOf } from '../src/rows';
import { daemonCursorHistory, daemonCursors, daemonOutputs, daemonRuns, daemons } from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { DAEMON_TABLES } from './daemon-tables';
import { expectScopeSeesOnlyOwnRows, PERMISSION_DENIED, pgFailure, RLS_VIOLATION } from './helpers';

// Tenant A's scope against tenant B's daemon rows, table by table, each refusal with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;

async function seed(tenantId: string) {
  const id = crypto.randomUUID();
  await t.db
    .insert(daemons)
    .values({ tenantId, id, name: 'd', kind: 'syslog', yaml: 'x', definition: {}, scheduleKind: 'listen' });
  await t.db.insert(daemonCursors).values({ tenantId, daemonId: id, value: { n: 1 } });
  await t.db.insert(daemonCursorHistory).values({ tenantId, daemonId: id, value: { n: 1 }, reason: 'run' });
  await t.db.insert(daemonRuns).values({ tenantId, daemonId: id, trigger: 'listener' });
  await t.db
    .insert(daemonOutputs)
    .values({ tenantId, daemonId: id, fileName: 'f.csv', mime: 'text/csv', bytes: Buffer.from('x') });
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await seed(a.id);
  await seed(b.id);
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

/** A no-op update the app role may run; null = append-only for the app. */
const NOOP_UPDATE: Record<(typeof DAEMON_TABLES)[number], SQL | null> = {
  daemon_cursor_history: null,
  daemon_cursors: sql`value = value`,
  daemon_outputs: null,
  daemon_runs: sql`status = status`,
  daemons: sql`name = name`,
};

describe.each(DAEMON_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot change B's rows (append-only tables: not even its own)", async () => {
    const set = NOOP_UPDATE[table];
    if (set === null) {
      const failure = await pgFailure(
        asA((tx) =>
          tx.execute(
            sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${a.id}`,
          ),
        ),
      );
      expect(failure.message).toMatch(PERMISSION_DENIED);
      return;
    }
    const updated = await asA((tx) =>
      tx.execute(sql`update ${sql.identifier(table)} set ${set} where tenant_id = ${b.id} returning 1`),
    );
    expect(rowsOf(updated)).toEqual([]);
    const own = await asA((tx) =>
      tx.execute(sql`update ${sql.identifier(table)} set ${set} where tenant_id = ${a.id} returning 1`),
    );
    expect(rowsOf(own).length).toBeGreaterThan(0);
  });

  it("A's scope cannot move its rows into B", async () => {
    const failure = await pgFailure(
      asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      ),
    );
    expect(failure.message).toMatch(NOOP_UPDATE[table] === null ? PERMISSION_DENIED : RLS_VIOLATION);
  });
});

describe('scheduler functions', () => {
  it('daemons_claim_due and daemons_listeners are not callable by the app role inside a scope', async () => {
    for (const call of [
      sql`select * from public.daemons_claim_due('x', 1, 1, 1)`,
      sql`select * from public.daemons_listeners()`,
    ]) {
      const failure = await pgFailure(asA((tx) => tx.execute(call)));
      expect(failure.message).toMatch(PERMISSION_DENIED);
    }
  });

  it('daemons_listeners lists enabled listeners of active tenants only (login role)', async () => {
    const listeners = rowsOf<{ tenant_id: string }>(
      await t.db.execute(sql`select * from public.daemons_listeners()`),
    );
    expect(listeners.map((l) => l.tenant_id).sort()).toEqual([a.id, b.id].sort());
    await t.db.execute(sql`update public.tenants set status = 'suspended' where id = ${b.id}`);
    const active = rowsOf<{ tenant_id: string }>(
      await t.db.execute(sql`select * from public.daemons_listeners()`),
    );
    expect(active.map((l) => l.tenant_id)).toEqual([a.id]);
    await t.db.execute(sql`update public.tenants set status = 'active' where id = ${b.id}`);
  });
});
