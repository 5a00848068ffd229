import { createInvitation } from '@palisade/db/queries/users/create-invitation';
import { queueLinkEmail } from '@/server/users/link-email';
import { InviteUserInput } from './invite.schema';
import { userManagerProcedure } from './user-manager-procedure';

/**
 * Invites a client user: a one-time link (72 h) mailed through the outbox. The link is also returned
 * once, so the inviter can hand it over when mail is not configured.
 */
export const invite = userManagerProcedure.input(InviteUserInput).mutation(async ({ ctx, input }) => {
  const link = await createInvitation(ctx.tx, {
    tenantId: ctx.tenantId,
    email: input.email,
    role: input.role,
    actorUserId: ctx.actor.userId,
  });
  const { url, emailQueued } = await queueLinkEmail(ctx.tx, {
    tenantId: ctx.tenantId,
    linkId: link.id,
    email: input.email,
    token: link.token,
    expiresAt: link.expiresAt,
    purpose: 'invite',
  });
  return { id: link.id, email: input.email, expiresAt: link.expiresAt, url, emailQueued };
});
