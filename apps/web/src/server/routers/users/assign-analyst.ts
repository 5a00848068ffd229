import { findUserForLogin } from '@palisade/db/auth';
import { assignAnalyst as assign } from '@palisade/db/queries/users/manage-user';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { adminProcedure } from '@/server/trpc/procedures';
import { AssignAnalystInput } from './assign-analyst.schema';

/**
 * MSSP admins: gives a staff user (by email) access to the tenant. The user lookup runs before the
 * tenant transaction (a staff user without assignments is invisible to any tenant scope).
 */
export const assignAnalyst = adminProcedure.input(AssignAnalystInput).mutation(async ({ ctx, input }) => {
  if (!ctx.actor.tenantIds.includes(input.tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  const user = await findUserForLogin(input.email);
  if (user?.kind !== 'staff' || !user.active) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${input.email} is not an active staff user` });
  }
  return withTenant(input.tenantId, (tx) =>
    assign(tx, { tenantId: input.tenantId, userId: user.id, actorUserId: ctx.actor.userId }),
  );
});
