import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, memberships, tenants, userPublicColumns, users } from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { ADMIN_TABLES } from './admin-tables';
import { DAEMON_TABLES } from './daemon-tables';
import { ENRICHMENT_TABLES } from './enrichment-tables';
import { expectScopeSeesOnlyOwnRows, PERMISSION_DENIED, pgFailure, RLS_VIOLATION, rows } from './helpers';
import { INGEST_TABLES } from './ingest-tables';
import { NOTIFICATION_TABLES } from './notification-tables';
import { PLAYBOOK_TABLES } from './playbook-tables';
import { REPORTS_TABLES } from './reports-tables';
import { SLA_TABLES } from './sla-tables';

// Tenant A's scope against tenant B's rows, table by table, each negative with a positive control.
// Runs as palisade_login on PostgreSQL (a non-superuser like production) and on PGlite.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
let analystId: string; // a staff user with no membership yet, for membership inserts

const asA = <T>(fn: Parameters<typeof withTenantOn<T>>[2]) => withTenantOn(t.app.db, a.id, fn);

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  analystId = crypto.randomUUID();
  await t.db.insert(users).values({
    id: analystId,
    email: `analyst-${analystId.slice(0, 8)}@fixture.test`,
    name: 'Fixture Analyst',
    passwordHash: 'x',
    kind: 'staff',
  });
  for (const tenant of [a, b]) {
    await t.db.insert(auditLog).values({
      tenantId: tenant.id,
      actorUserId: tenant.clientUser.id,
      action: 'seed',
      target: tenant.slug,
    });
  }
});

const ownerCount = async (table: string, tenantId: string) => {
  const [row] = await rows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
  );
  return row?.n;
};

describe('every tenant table has an isolation case', () => {
  it('the cases below cover exactly the tables with tenant_id', async () => {
    const tables = await rows<{ table: string }>(
      t.db,
      sql`select distinct c.relname as table from pg_attribute a join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r' and a.attname = 'tenant_id' order by 1`,
    );
    // Each list's cases live in its own file (playbooks-isolation.int.test.ts for PLAYBOOK_TABLES,
    // enrichment-isolation.int.test.ts for ENRICHMENT_TABLES, ingest-isolation.int.test.ts for INGEST_TABLES).
    expect(tables.map((r) => r.table)).toEqual(
      [
        'audit_log',
        'memberships',
        ...PLAYBOOK_TABLES,
        ...ENRICHMENT_TABLES,
        ...INGEST_TABLES,
        ...NOTIFICATION_TABLES,
        ...ADMIN_TABLES,
        ...SLA_TABLES,
        ...DAEMON_TABLES,
        ...REPORTS_TABLES,
      ].sort(),
    );
  });
});

describe.each(['memberships', 'audit_log'])('%s: select', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it('filtering on B explicitly returns nothing', async () => {
    const seen = await asA((tx) =>
      rows(tx, sql`select * from ${sql.identifier(table)} where tenant_id = ${b.id}`),
    );
    expect(seen).toEqual([]);
  });

  it('an empty scope sees nothing', async () => {
    const seen = await withTenantOn(t.app.db, [], (tx) =>
      rows(tx, sql`select * from ${sql.identifier(table)}`),
    );
    expect(seen).toEqual([]);
  });
});

describe('memberships: write', () => {
  it("A's scope cannot insert a row for B; it can for A", async () => {
    const denied = await pgFailure(
      asA((tx) => tx.insert(memberships).values({ tenantId: b.id, userId: analystId, role: 'analyst' })),
    );
    expect(denied.message).toMatch(RLS_VIOLATION);
    await asA((tx) => tx.insert(memberships).values({ tenantId: a.id, userId: analystId, role: 'analyst' }));
    expect(await ownerCount('memberships', a.id)).toBe(2);
    expect(await ownerCount('memberships', b.id)).toBe(1);
  });

  it('tenant_id defaults to the one-tenant scope', async () => {
    const userId = crypto.randomUUID();
    await t.db
      .insert(users)
      .values({ id: userId, email: `d-${userId}@fixture.test`, name: 'D', passwordHash: 'x', kind: 'staff' });
    await asA((tx) => tx.insert(memberships).values({ userId, role: 'analyst' }));
    const [row] = await t.db.select().from(memberships).where(eq(memberships.userId, userId));
    expect(row?.tenantId).toBe(a.id);
  });

  it("A's scope cannot update B's rows; it can update A's", async () => {
    await asA((tx) =>
      tx.update(memberships).set({ role: 'client_viewer' }).where(eq(memberships.tenantId, b.id)),
    );
    const [bRow] = await t.db.select().from(memberships).where(eq(memberships.userId, b.clientUser.id));
    expect(bRow?.role).toBe('client_admin');
    await asA((tx) =>
      tx.update(memberships).set({ role: 'client_viewer' }).where(eq(memberships.userId, a.clientUser.id)),
    );
    const [aRow] = await t.db.select().from(memberships).where(eq(memberships.userId, a.clientUser.id));
    expect(aRow?.role).toBe('client_viewer');
  });

  it("A's scope cannot move its row into B", async () => {
    const denied = await pgFailure(
      asA((tx) =>
        tx.update(memberships).set({ tenantId: b.id }).where(eq(memberships.userId, a.clientUser.id)),
      ),
    );
    expect(denied.message).toMatch(RLS_VIOLATION);
  });

  it("A's scope cannot delete B's rows; it can delete A's", async () => {
    await asA((tx) => tx.delete(memberships).where(eq(memberships.tenantId, b.id)));
    expect(await ownerCount('memberships', b.id)).toBe(1);
    await asA((tx) => tx.delete(memberships).where(eq(memberships.userId, analystId)));
    const left = await t.db.select().from(memberships).where(eq(memberships.userId, analystId));
    expect(left).toEqual([]);
  });
});

describe('audit_log: append-only and isolated', () => {
  it("A's scope cannot insert for B; it can for A", async () => {
    const denied = await pgFailure(
      asA((tx) =>
        tx.insert(auditLog).values({ tenantId: b.id, actorUserId: null, action: 'x', target: 'y' }),
      ),
    );
    expect(denied.message).toMatch(RLS_VIOLATION);
    await asA((tx) =>
      tx.insert(auditLog).values({ tenantId: a.id, actorUserId: null, action: 'x', target: 'y' }),
    );
    expect(await ownerCount('audit_log', a.id)).toBe(2);
    expect(await ownerCount('audit_log', b.id)).toBe(1);
  });

  it.each([
    [
      'update',
      (tenantId: string) => sql`update audit_log set action = 'changed' where tenant_id = ${tenantId}`,
    ],
    ['delete', (tenantId: string) => sql`delete from audit_log where tenant_id = ${tenantId}`],
  ])('%s is denied for B and for A alike', async (_, statement) => {
    for (const tenant of [b, a]) {
      const denied = await pgFailure(asA((tx) => tx.execute(statement(tenant.id))));
      expect(denied.message).toMatch(PERMISSION_DENIED);
    }
    expect(await ownerCount('audit_log', b.id)).toBe(1);
  });
});

describe('tenants', () => {
  it("A's scope sees only A; an analyst's set sees the set", async () => {
    const seenByA = await asA((tx) => tx.select({ id: tenants.id }).from(tenants));
    expect(seenByA).toEqual([{ id: a.id }]);
    const seenByBoth = await withTenantOn(t.app.db, [a.id, b.id], (tx) =>
      tx.select({ id: tenants.id }).from(tenants),
    );
    expect(new Set(seenByBoth.map((r) => r.id))).toEqual(new Set([a.id, b.id]));
  });

  it("A's scope cannot rename B; it can rename A", async () => {
    await asA((tx) => tx.update(tenants).set({ name: 'hijacked' }).where(eq(tenants.id, b.id)));
    await asA((tx) => tx.update(tenants).set({ name: 'A renamed' }).where(eq(tenants.id, a.id)));
    const names = await t.db.select({ id: tenants.id, name: tenants.name }).from(tenants);
    expect(names.find((r) => r.id === b.id)?.name).toBe(b.name);
    expect(names.find((r) => r.id === a.id)?.name).toBe('A renamed');
  });

  it('a tenant can be created only with its own id in scope', async () => {
    const id = crypto.randomUUID();
    const slug = `new-${id.slice(0, 8)}`;
    const denied = await pgFailure(asA((tx) => tx.insert(tenants).values({ id, slug, name: 'New' })));
    expect(denied.message).toMatch(RLS_VIOLATION);
    await withTenantOn(t.app.db, id, (tx) => tx.insert(tenants).values({ id, slug, name: 'New' }));
    expect((await t.db.select().from(tenants).where(eq(tenants.id, id))).length).toBe(1);
  });

  it("the app role cannot change a tenant's id", async () => {
    const denied = await pgFailure(
      asA((tx) => tx.update(tenants).set({ id: crypto.randomUUID() }).where(eq(tenants.id, a.id))),
    );
    expect(denied.message).toMatch(PERMISSION_DENIED);
  });

  it('the app role cannot delete tenants, even its own', async () => {
    const denied = await pgFailure(asA((tx) => tx.delete(tenants).where(eq(tenants.id, a.id))));
    expect(denied.message).toMatch(PERMISSION_DENIED);
  });
});

describe('users', () => {
  it("A's scope sees A's members and not B's", async () => {
    const seen = await asA((tx) => tx.select(userPublicColumns).from(users));
    const ids = seen.map((u) => u.id);
    expect(ids).toContain(a.clientUser.id);
    expect(ids).not.toContain(b.clientUser.id);
  });

  it('an empty scope sees no users', async () => {
    expect(await withTenantOn(t.app.db, [], (tx) => tx.select(userPublicColumns).from(users))).toEqual([]);
  });

  it('password hashes are not readable by the app role', async () => {
    const denied = await pgFailure(asA((tx) => tx.select().from(users)));
    expect(denied.message).toMatch(PERMISSION_DENIED);
  });

  it("A's scope cannot rename or deactivate B's users; it can its own", async () => {
    await asA((tx) =>
      tx.update(users).set({ name: 'hijacked', active: false }).where(eq(users.id, b.clientUser.id)),
    );
    await asA((tx) => tx.update(users).set({ name: 'A client' }).where(eq(users.id, a.clientUser.id)));
    const all = await t.db.select().from(users);
    expect(all.find((u) => u.id === b.clientUser.id)).toMatchObject({ active: true });
    expect(all.find((u) => u.id === b.clientUser.id)?.name).not.toBe('hijacked');
    expect(all.find((u) => u.id === a.clientUser.id)?.name).toBe('A client');
  });

  it('the app role cannot change a user into staff', async () => {
    const denied = await pgFailure(
      asA((tx) => tx.update(users).set({ kind: 'staff' }).where(eq(users.id, a.clientUser.id))),
    );
    expect(denied.message).toMatch(PERMISSION_DENIED);
  });

  it('creating a user needs a scope', async () => {
    const row = () => {
      const id = crypto.randomUUID();
      return { id, email: `n-${id}@fixture.test`, name: 'N', passwordHash: 'x', kind: 'client' as const };
    };
    const denied = await pgFailure(withTenantOn(t.app.db, [], (tx) => tx.insert(users).values(row())));
    expect(denied.message).toMatch(RLS_VIOLATION);
    const created = row();
    await asA((tx) => tx.insert(users).values(created));
    expect((await t.db.select().from(users).where(eq(users.id, created.id))).length).toBe(1);
  });
});

describe('membership rules', () => {
  it('a client user belongs to exactly one tenant', async () => {
    const failure = await pgFailure(
      t.db.insert(memberships).values({ tenantId: b.id, userId: a.clientUser.id, role: 'client_viewer' }),
    );
    expect(failure.code).toBe('23505');
  });

  it('roles must fit the user kind; mssp_admin is not per tenant', async () => {
    const clientAsAnalyst = await pgFailure(
      t.db.insert(memberships).values({ tenantId: b.id, userId: a.clientUser.id, role: 'analyst' }),
    );
    expect(clientAsAnalyst.code).toBe('23514');
    const perTenantAdmin = await pgFailure(
      t.db.insert(memberships).values({ tenantId: b.id, userId: analystId, role: 'mssp_admin' }),
    );
    expect(perTenantAdmin.code).toBe('23514');
    await t.db.insert(memberships).values({ tenantId: b.id, userId: analystId, role: 'analyst' }); // positive
  });
});
