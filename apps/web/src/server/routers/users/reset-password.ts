import { createPasswordReset } from '@palisade/db/queries/users/create-invitation';
import { listTenantUsers } from '@palisade/db/queries/users/list-tenant-users';
import { TRPCError } from '@trpc/server';
import { queueLinkEmail } from '@/server/users/link-email';
import { ResetPasswordInput } from './reset-password.schema';
import { manageableRoles, userManagerProcedure } from './user-manager-procedure';

/**
 * Sends the user a one-time reset link (2 h) and returns it once. The old password keeps working
 * until the link is used, so a reset cannot lock anybody out by itself.
 */
export const resetPassword = userManagerProcedure
  .input(ResetPasswordInput)
  .mutation(async ({ ctx, input }) => {
    const target = (await listTenantUsers(ctx.tx, ctx.tenantId)).find((u) => u.id === input.userId);
    if (!target) throw new TRPCError({ code: 'NOT_FOUND' });
    if (!manageableRoles(ctx.actor.role).includes(target.role)) throw new TRPCError({ code: 'FORBIDDEN' });
    const link = await createPasswordReset(ctx.tx, {
      tenantId: ctx.tenantId,
      userId: input.userId,
      actorUserId: ctx.actor.userId,
    });
    const { url, emailQueued } = await queueLinkEmail(ctx.tx, {
      tenantId: ctx.tenantId,
      linkId: link.id,
      email: link.email,
      token: link.token,
      expiresAt: link.expiresAt,
      purpose: 'password_reset',
    });
    return { email: link.email, expiresAt: link.expiresAt, url, emailQueued };
  });
