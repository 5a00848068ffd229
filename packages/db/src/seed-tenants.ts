import type { Db } from './database';
import { hashPassword } from './password';
import { memberships, tenants, users } from './schema/index';

export type SeededTenant = {
  id: string;
  slug: string;
  name: string;
  clientUser: { id: string; email: string; password: string };
};

// One hash for every fixture user: argon2 is deliberately slow and fixtures need not differ.
let fixtureHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = 'fixture-password-1';

/** n fresh tenants, each with one client_admin user; unique slugs so calls never collide. */
export async function seedTenants(db: Db, n: number): Promise<SeededTenant[]> {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  const passwordHash = await fixtureHash;
  const seeded: SeededTenant[] = [];
  for (let i = 0; i < n; i++) {
    const suffix = crypto.randomUUID().slice(0, 8);
    const tenant = { id: crypto.randomUUID(), slug: `tenant-${suffix}`, name: `Tenant ${suffix}` };
    const user = {
      id: crypto.randomUUID(),
      email: `client-${suffix}@fixture.test`,
      password: FIXTURE_PASSWORD,
    };
    await db.insert(tenants).values(tenant);
    await db
      .insert(users)
      .values({ id: user.id, email: user.email, name: `Client ${suffix}`, passwordHash, kind: 'client' });
    await db.insert(memberships).values({ tenantId: tenant.id, userId: user.id, role: 'client_admin' });
    seeded.push({ ...tenant, clientUser: user });
  }
  return seeded;
}
