import { recordAudit } from '@palisade/db/audit';
import { auditLog, users } from '@palisade/db/schema';
import { seedTenants, useTestDatabase } from '@palisade/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFor, type Fixtures, seedFixtures, type TestUser } from '@/test/trpc-fixtures';
import { createCallerFactory, createTRPCRouter } from './init';
import { adminProcedure, clientProcedure, tenantProcedure } from './procedures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

const action = 'test.rolled-back';

/** Procedures that exist only here, to test the builders themselves. */
const testRouter = createTRPCRouter({
  writeThenFail: tenantProcedure.mutation(async ({ ctx }) => {
    await recordAudit(ctx.tx, { actorUserId: null, action, target: 'test' });
    throw new TRPCError({ code: 'CONFLICT' });
  }),
  adminOnly: adminProcedure.query(() => 'ok'),
  clientOnly: clientProcedure.query(() => 'ok'),
});
const createTestCaller = createCallerFactory(testRouter);

const testCallerFor = async (user: TestUser) => createTestCaller(await contextFor(user));

describe('procedure builders', () => {
  it('tenantProcedure rolls back the transaction when the procedure fails', async () => {
    const caller = await testCallerFor(fx.clientA);
    await expect(caller.writeThenFail({ tenantId: fx.a.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, action))).toEqual([]);
  });

  it('adminProcedure admits an MSSP admin and refuses an analyst and a client', async () => {
    expect(await (await testCallerFor(fx.admin)).adminOnly()).toBe('ok');
    await expect((await testCallerFor(fx.analyst)).adminOnly()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await testCallerFor(fx.clientA)).adminOnly()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('clientProcedure admits a client user and refuses staff', async () => {
    expect(await (await testCallerFor(fx.clientA)).clientOnly()).toBe('ok');
    await expect((await testCallerFor(fx.admin)).clientOnly()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('applies a deactivation on the next request, not when the token expires', async () => {
    const [tenant] = await seedTenants(t.db, 1);
    if (!tenant) throw new Error('seedTenants returned no tenant');
    const leaving = { id: tenant.clientUser.id, kind: 'client' as const };
    expect(await (await testCallerFor(leaving)).clientOnly()).toBe('ok');
    await t.db.update(users).set({ active: false }).where(eq(users.id, leaving.id));
    await expect((await testCallerFor(leaving)).clientOnly()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
