import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { rowsOf } from '../src/rows';
import { msspContacts, tenantContacts, tier1Rules } from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { expectScopeSeesOnlyOwnRows, PERMISSION_DENIED, pgFailure, RLS_VIOLATION, rows } from './helpers';
import { NOTIFICATION_TABLES } from './notification-tables';

// Tenant A's scope against tenant B's contacts and tier 1 rule, each refusal with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;

async function seed(tenantId: string) {
  await t.db.insert(tenantContacts).values({
    tenantId,
    kind: 'primary',
    name: 'Primary',
    email: `primary-${tenantId.slice(0, 8)}@client.test`,
  });
  await t.db.insert(tier1Rules).values({ tenantId, severities: ['critical'] });
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await seed(a.id);
  await seed(b.id);
  await t.db
    .insert(msspContacts)
    .values({ kind: 'soc_management', name: 'SOC lead', email: 'lead@mssp.test' });
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

describe.each(NOTIFICATION_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot change or delete B's rows", async () => {
    const updated = await asA((tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set updated_at = now() where tenant_id = ${b.id} returning 1`,
      ),
    );
    expect(rowsOf(updated)).toEqual([]);
    // The same update on A's own rows reaches them (positive control).
    const own = await asA((tx) =>
      tx.execute(
        sql`update ${sql.identifier(table)} set updated_at = now() where tenant_id = ${a.id} returning 1`,
      ),
    );
    expect(rowsOf(own).length).toBeGreaterThan(0);
  });

  it("A's scope cannot move its rows into B", async () => {
    const failure = await pgFailure(
      asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      ),
    );
    expect(failure.message).toMatch(RLS_VIOLATION);
  });
});

describe('tenant_contacts: delete', () => {
  it("A's scope deletes none of B's contacts, only its own", async () => {
    const deleted = await asA((tx) =>
      tx.execute(sql`delete from tenant_contacts where tenant_id = ${b.id} returning 1`),
    );
    expect(rowsOf(deleted)).toEqual([]);
    const [others] = await rows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from tenant_contacts where tenant_id = ${b.id}`,
    );
    expect(others?.n).toBe(1);
    // Positive control: A's own (extra) contact goes.
    await t.db
      .insert(tenantContacts)
      .values({ tenantId: a.id, kind: 'escalation', name: 'Temp', email: 'temp@client.test' });
    const own = await asA((tx) =>
      tx.execute(
        sql`delete from tenant_contacts where tenant_id = ${a.id} and kind = 'escalation' returning 1`,
      ),
    );
    expect(rowsOf(own)).toHaveLength(1);
  });

  it('tier 1 rules are never deleted by the app role (saved over instead)', async () => {
    const failure = await pgFailure(
      asA((tx) => tx.execute(sql`delete from tier1_rules where tenant_id = ${a.id}`)),
    );
    expect(failure.message).toMatch(PERMISSION_DENIED);
  });
});

describe('mssp_contacts', () => {
  it('is readable from any tenant scope and from no scope at all', async () => {
    expect(await asA((tx) => rows<{ email: string }>(tx, sql`select email from mssp_contacts`))).toEqual([
      { email: 'lead@mssp.test' },
    ]);
    const unscoped = await t.app.db.transaction(async (tx) => {
      await tx.execute(sql`set local role palisade_app`);
      return rows(tx, sql`select 1 from mssp_contacts`);
    });
    expect(unscoped).toEqual([]);
  });
});
