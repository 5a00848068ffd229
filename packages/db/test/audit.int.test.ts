import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit';
import { TenantScopeError } from '../src/errors';
import { auditLog } from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenant, withTenantOn } from '../src/with-tenant';
import { pgFailure, RLS_VIOLATION } from './helpers';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
let c: SeededTenant;

beforeAll(async () => {
  [a, b, c] = (await seedTenants(t.db, 3)) as [SeededTenant, SeededTenant, SeededTenant];
});

describe('recordAudit', () => {
  it("writes to the one-tenant scope's log (through the getDatabase singleton)", async () => {
    const written = await withTenant(a.id, (tx) =>
      recordAudit(tx, {
        actorUserId: a.clientUser.id,
        action: 'tenant.rename',
        target: `tenant:${a.id}`,
        before: { name: 'old' },
        after: { name: 'new' },
        ip: '203.0.113.5',
      }),
    );
    expect(written.tenantId).toBe(a.id);
    const seen = await withTenantOn(t.app.db, a.id, (tx) => tx.select().from(auditLog));
    expect(seen).toMatchObject([
      { id: written.id, action: 'tenant.rename', before: { name: 'old' }, ip: '203.0.113.5' },
    ]);
  });

  it('needs an explicit tenantId in a multi-tenant scope, and accepts one inside it', async () => {
    const scope = [a.id, b.id];
    await expect(
      withTenantOn(t.app.db, scope, (tx) => recordAudit(tx, { actorUserId: null, action: 'x', target: 'y' })),
    ).rejects.toBeInstanceOf(TenantScopeError);
    const written = await withTenantOn(t.app.db, scope, (tx) =>
      recordAudit(tx, { tenantId: b.id, actorUserId: null, action: 'x', target: 'y' }),
    );
    expect(written.tenantId).toBe(b.id);
  });

  it('rejects a tenant outside the scope', async () => {
    const denied = await pgFailure(
      withTenantOn(t.app.db, [a.id, b.id], (tx) =>
        recordAudit(tx, { tenantId: c.id, actorUserId: null, action: 'x', target: 'y' }),
      ),
    );
    expect(denied.message).toMatch(RLS_VIOLATION);
  });
});
