import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { saveOnboardingStep } from '../src/queries/onboarding/onboarding-state';
import { createInvitation } from '../src/queries/users/create-invitation';
import { rowsOf } from '../src/rows';
import { auditLog } from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { ADMIN_TABLES } from './admin-tables';
import { expectScopeSeesOnlyOwnRows, PERMISSION_DENIED, pgFailure, RLS_VIOLATION } from './helpers';

// Tenant A's scope against tenant B's admin rows (invitations, onboarding state), and the audit
// log's append-only grant.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  for (const tenant of [a, b]) {
    await withTenantOn(t.app.db, tenant.id, async (tx) => {
      await createInvitation(tx, {
        tenantId: tenant.id,
        email: `new-${tenant.slug}@fixture.test`,
        role: 'client_viewer',
        actorUserId: null,
      });
      await saveOnboardingStep(tx, { tenantId: tenant.id, step: 'company', actorUserId: null });
    });
  }
});

describe.each(ADMIN_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot change B's rows; it can change its own", async () => {
    const column = table === 'invitations' ? sql`revoked_at = revoked_at` : sql`steps = steps`;
    const theirs = await asA((tx) =>
      tx.execute(sql`update ${sql.identifier(table)} set ${column} where tenant_id = ${b.id} returning 1`),
    );
    expect(rowsOf(theirs)).toEqual([]);
    const own = await asA((tx) =>
      tx.execute(sql`update ${sql.identifier(table)} set ${column} where tenant_id = ${a.id} returning 1`),
    );
    expect(rowsOf(own).length).toBeGreaterThan(0);
  });

  it("A's scope cannot insert a row for B", async () => {
    const failure = await pgFailure(
      asA<unknown>((tx) =>
        table === 'invitations'
          ? createInvitation(tx, {
              tenantId: b.id,
              email: 'x@fixture.test',
              role: 'client_viewer',
              actorUserId: null,
            })
          : saveOnboardingStep(tx, { tenantId: b.id, step: 'sla', actorUserId: null }),
      ),
    );
    expect(failure.message).toMatch(RLS_VIOLATION);
  });
});

describe('invitations: the app role cannot rewrite a link', () => {
  it('may not change the token hash or delete a link', async () => {
    const update = await pgFailure(asA((tx) => tx.execute(sql`update invitations set token_hash = 'x'`)));
    expect(update.message).toMatch(PERMISSION_DENIED);
    const del = await pgFailure(asA((tx) => tx.execute(sql`delete from invitations`)));
    expect(del.message).toMatch(PERMISSION_DENIED);
  });
});

describe('audit_log is append-only for the app role', () => {
  it('refuses UPDATE and DELETE of its own tenant entries, while INSERT and SELECT work', async () => {
    const own = await asA((tx) => tx.select().from(auditLog));
    expect(own.length).toBeGreaterThan(0); // createInvitation wrote one (positive control)
    const update = await pgFailure(asA((tx) => tx.execute(sql`update audit_log set action = 'forged'`)));
    expect(update.message).toMatch(PERMISSION_DENIED);
    const del = await pgFailure(asA((tx) => tx.execute(sql`delete from audit_log`)));
    expect(del.message).toMatch(PERMISSION_DENIED);
    const truncate = await pgFailure(asA((tx) => tx.execute(sql`truncate audit_log`)));
    expect(truncate.message).toMatch(PERMISSION_DENIED);
    expect(await asA((tx) => tx.select().from(auditLog))).toHaveLength(own.length);
  });
});
