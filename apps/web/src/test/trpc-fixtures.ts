import type { Db } from '@palisade/db/client';
import { hashPassword } from '@palisade/db/password';
import { auditLog, memberships, msspAdmins, users } from '@palisade/db/schema';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { encode } from 'next-auth/jwt';
import { env } from '@/env';
import type { ActorKind } from '@/server/auth/actor-kind';
import { sessionCookieName } from '@/server/auth/session-token';
import { createContext } from '@/server/trpc/context';
import { createCaller } from '@/server/trpc/root';

export type TestUser = { id: string; kind: ActorKind };

let hash: Promise<string> | undefined;

async function addUser(db: Db, kind: ActorKind, label: string, active = true): Promise<TestUser> {
  hash ??= hashPassword('fixture-password-1');
  const id = crypto.randomUUID();
  await db.insert(users).values({
    id,
    email: `${label}-${id.slice(0, 8)}@fixture.test`,
    name: label,
    passwordHash: await hash,
    kind,
    active,
  });
  return { id, kind };
}

/** The tRPC context of a request carrying a real next-auth session cookie for the user. */
export async function contextFor(user: TestUser | null) {
  const headers = new Headers();
  if (user) {
    const token = await encode({ token: { sub: user.id, kind: user.kind }, secret: env.NEXTAUTH_SECRET });
    headers.set('cookie', `${sessionCookieName}=${token}`);
  }
  return createContext({ headers });
}

export async function callerFor(user: TestUser | null) {
  return createCaller(await contextFor(user));
}

export type Fixtures = {
  a: SeededTenant;
  b: SeededTenant;
  c: SeededTenant;
  clientA: TestUser;
  clientB: TestUser;
  inactiveClientA: TestUser;
  /** Assigned to tenants A and C only. */
  analyst: TestUser;
  admin: TestUser;
  auditIds: { a: string; b: string };
};

/** Three tenants; client users of A and B; an analyst of A and C; an MSSP admin; one audit entry in A and B. */
export async function seedFixtures(db: Db): Promise<Fixtures> {
  const [a, b, c] = await seedTenants(db, 3);
  if (!a || !b || !c) throw new Error('seedTenants returned fewer than 3 tenants');
  const inactiveClientA = await addUser(db, 'client', 'inactive-client', false);
  await db.insert(memberships).values({ tenantId: a.id, userId: inactiveClientA.id, role: 'client_viewer' });
  const analyst = await addUser(db, 'staff', 'analyst');
  await db.insert(memberships).values([
    { tenantId: a.id, userId: analyst.id, role: 'analyst' },
    { tenantId: c.id, userId: analyst.id, role: 'analyst' },
  ]);
  const admin = await addUser(db, 'staff', 'admin');
  await db.insert(msspAdmins).values({ userId: admin.id });
  const auditIds = { a: crypto.randomUUID(), b: crypto.randomUUID() };
  await db.insert(auditLog).values([
    {
      tenantId: a.id,
      id: auditIds.a,
      action: 'tenant.updated',
      target: `tenant:${a.id}`,
      actorUserId: admin.id,
    },
    {
      tenantId: b.id,
      id: auditIds.b,
      action: 'tenant.updated',
      target: `tenant:${b.id}`,
      actorUserId: admin.id,
    },
  ]);
  return {
    a,
    b,
    c,
    clientA: { id: a.clientUser.id, kind: 'client' },
    clientB: { id: b.clientUser.id, kind: 'client' },
    inactiveClientA,
    analyst,
    admin,
    auditIds,
  };
}
