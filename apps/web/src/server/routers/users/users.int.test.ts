import { acceptInvitation } from '@palisade/db/queries/users/accept-invitation';
import { findInvitation } from '@palisade/db/queries/users/find-invitation';
import { auditLog } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizeCredentials } from '@/server/auth/options';
import { createCaller } from '@/server/trpc/root';
import { callerFor, contextFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// Users and access through the router: a client admin invites a viewer who signs in; deactivation
// and unassignment apply on the very next request.

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
const PASSWORD = 'granite-meadow-58-kettle';

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

async function acceptLink(url: string, name = 'Vera Viewer') {
  const token = url.split('/invite/')[1] ?? '';
  const found = await findInvitation(token);
  if (!found) throw new Error('link not found');
  return withTenant(found.tenantId, (tx) =>
    acceptInvitation(tx, { invitationId: found.id, name, password: PASSWORD }),
  );
}

describe('users', () => {
  it('a client admin invites a viewer, who signs in; deactivating her ends her session at once', async () => {
    const clientAdmin = await callerFor(fx.clientA);
    const sent = await clientAdmin.users.invite({
      tenantId: fx.a.id,
      email: 'vera@client-a.test',
      role: 'client_viewer',
    });
    const accepted = await acceptLink(sent.url);
    const signedIn = await authorizeCredentials({ email: 'vera@client-a.test', password: PASSWORD }, {});
    expect(signedIn?.id).toBe(accepted.userId);

    const vera = await callerFor({ id: accepted.userId, kind: 'client' });
    expect((await vera.me.get()).role).toBe('client_viewer');
    // A viewer manages nobody.
    await expect(vera.users.list({ tenantId: fx.a.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await clientAdmin.users.setActive({ tenantId: fx.a.id, userId: accepted.userId, active: false });
    // The next request (a new context) resolves the actor again and refuses it.
    const veraNext = await callerFor({ id: accepted.userId, kind: 'client' });
    await expect(veraNext.me.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await authorizeCredentials({ email: 'vera@client-a.test', password: PASSWORD }, {})).toBeNull();

    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, fx.a.id), eq(auditLog.action, 'user.deactivated')));
    expect(entries).toMatchObject([
      {
        actorUserId: fx.clientA.id,
        target: `user:${accepted.userId}`,
        before: { active: true },
        after: { active: false },
      },
    ]);
  });

  it("a client admin cannot see or manage another tenant's users", async () => {
    const clientAdmin = await callerFor(fx.clientA);
    await expect(clientAdmin.users.list({ tenantId: fx.b.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      clientAdmin.users.setActive({ tenantId: fx.a.id, userId: fx.clientB.id, active: false }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await (await callerFor(fx.clientB)).me.get()).userId).toBe(fx.clientB.id);
  });

  it('unassigning an analyst removes the tenant from its scope on the next request', async () => {
    const admin = await callerFor(fx.admin);
    // Each callerFor is a new request: the actor is resolved from the database again.
    const analyst = () => callerFor(fx.analyst);
    expect((await (await analyst()).tenant.list()).map((x) => x.id)).toContain(fx.c.id);
    await admin.users.unassignAnalyst({ tenantId: fx.c.id, userId: fx.analyst.id });
    expect((await (await analyst()).tenant.list()).map((x) => x.id)).not.toContain(fx.c.id);
    await expect((await analyst()).tenant.get({ tenantId: fx.c.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const email = (await (await analyst()).me.get()).email;
    await admin.users.assignAnalyst({ tenantId: fx.c.id, email });
    expect((await (await analyst()).tenant.list()).map((x) => x.id)).toContain(fx.c.id);
  });

  it('records who, before/after and the caller address in the audit log', async () => {
    const admin = createCaller({ ...(await contextFor(fx.admin)), ip: '203.0.113.9' });
    await admin.tenant.update({ tenantId: fx.b.id, name: 'Renamed B', slug: fx.b.slug });
    const found = await admin.audit.search({
      tenantId: fx.b.id,
      action: 'tenant.updated',
      text: 'Renamed B',
    });
    expect(found.items[0]).toMatchObject({
      actorUserId: fx.admin.id,
      after: { name: 'Renamed B' },
      before: { name: fx.b.name },
      ip: '203.0.113.9',
    });
  });
});
