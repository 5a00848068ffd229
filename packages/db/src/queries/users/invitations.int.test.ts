import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin, resolveActor } from '../../auth';
import { verifyPassword } from '../../password';
import { invitations } from '../../schema/index';
import type { SeededTenant } from '../../seed-tenants';
import { seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { acceptInvitation } from './accept-invitation';
import { createInvitation, createPasswordReset } from './create-invitation';
import { findInvitation } from './find-invitation';
import { setUserActive } from './manage-user';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
const GOOD = 'violet-harbour-91-lantern';

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
});

const inA = <T>(fn: Parameters<typeof withTenantOn<T>>[2]) => withTenantOn(t.app.db, a.id, fn);

async function invite(email: string, role: 'client_admin' | 'client_viewer' = 'client_viewer') {
  return inA((tx) => createInvitation(tx, { tenantId: a.id, email, role, actorUserId: a.clientUser.id }));
}

async function accept(token: string, password = GOOD, name = 'New User') {
  const found = await findInvitation(token, { db: t.app.db });
  if (!found) throw new Error('link not found');
  return withTenantOn(t.app.db, found.tenantId, (tx) =>
    acceptInvitation(tx, { invitationId: found.id, name, password }),
  );
}

describe('invitations', () => {
  it('stores only the hash; the link creates a client user of the tenant once', async () => {
    const link = await invite('Alice@Example.test');
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, link.id));
    expect(row?.tokenHash).not.toContain(link.token);
    expect(row?.email).toBe('alice@example.test');
    const user = await accept(link.token);
    const actor = await resolveActor(user.userId, { db: t.app.db });
    expect(actor).toMatchObject({ kind: 'client', role: 'client_viewer', tenantIds: [a.id] });
    const login = await findUserForLogin('alice@example.test', { db: t.app.db });
    expect(await verifyPassword(login?.passwordHash ?? '', GOOD)).toBe(true);
    // Reuse: the link is no longer found, and using its id directly is refused as used.
    expect(await findInvitation(link.token, { db: t.app.db })).toBeNull();
    await expect(
      inA((tx) => acceptInvitation(tx, { invitationId: link.id, name: 'Again', password: GOOD })),
    ).rejects.toMatchObject({ code: 'INVITATION_INVALID', reason: 'used' });
  });

  it('refuses an expired link and writes nothing', async () => {
    const link = await invite('late@example.test');
    await t.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, link.id));
    expect(await findInvitation(link.token, { db: t.app.db })).toMatchObject({ expired: true });
    await expect(accept(link.token)).rejects.toMatchObject({ code: 'INVITATION_INVALID', reason: 'expired' });
    expect(await findUserForLogin('late@example.test', { db: t.app.db })).toBeNull();
  });

  it('enforces the password rules and keeps the link usable after a refusal', async () => {
    const link = await invite('bob.jones@example.test');
    await expect(accept(link.token, 'short')).rejects.toMatchObject({ code: 'PASSWORD_RULES' });
    await expect(accept(link.token, 'bob.jones@example.test')).rejects.toMatchObject({
      problems: expect.arrayContaining(['do not use your email address']),
    });
    await expect(accept(link.token, 'Password1234')).rejects.toMatchObject({
      problems: ['this password is too common'],
    });
    expect((await accept(link.token)).email).toBe('bob.jones@example.test');
  });

  it('a new invitation to the same address revokes the older one', async () => {
    const first = await invite('twice@example.test');
    const second = await invite('twice@example.test');
    expect(await findInvitation(first.token, { db: t.app.db })).toBeNull();
    expect(await findInvitation(second.token, { db: t.app.db })).toMatchObject({ tenantId: a.id });
  });

  it("refuses an address that already has an account elsewhere (B's client)", async () => {
    const link = await invite(b.clientUser.email);
    await expect(accept(link.token)).rejects.toMatchObject({ reason: 'email_taken' });
    expect(await findInvitation(link.token, { db: t.app.db })).not.toBeNull(); // rolled back
  });

  it('an unknown or malformed token finds nothing', async () => {
    expect(await findInvitation('x'.repeat(43), { db: t.app.db })).toBeNull();
    expect(await findInvitation('not a token', { db: t.app.db })).toBeNull();
  });
});

describe('password reset and deactivation', () => {
  it('a reset link replaces the password once', async () => {
    const link = await inA((tx) =>
      createPasswordReset(tx, { tenantId: a.id, userId: a.clientUser.id, actorUserId: null }),
    );
    expect(link.email).toBe(a.clientUser.email);
    await accept(link.token, 'amber-quarry-47-violin');
    const login = await findUserForLogin(a.clientUser.email, { db: t.app.db });
    expect(await verifyPassword(login?.passwordHash ?? '', 'amber-quarry-47-violin')).toBe(true);
    expect(await findInvitation(link.token, { db: t.app.db })).toBeNull();
  });

  it("cannot reset or deactivate B's user from A's scope", async () => {
    await expect(
      inA((tx) => createPasswordReset(tx, { tenantId: a.id, userId: b.clientUser.id, actorUserId: null })),
    ).rejects.toMatchObject({ code: 'USER_ADMIN' });
    await expect(
      inA((tx) =>
        setUserActive(tx, { tenantId: a.id, userId: b.clientUser.id, active: false, actorUserId: null }, [
          'client_admin',
          'client_viewer',
        ]),
      ),
    ).rejects.toMatchObject({ code: 'USER_ADMIN' });
    expect((await resolveActor(b.clientUser.id, { db: t.app.db }))?.active).toBe(true);
  });
});
