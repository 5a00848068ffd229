import { revokeInvitation as revoke } from '@palisade/db/queries/users/manage-user';
import { RevokeInvitationInput } from './revoke-invitation.schema';
import { userManagerProcedure } from './user-manager-procedure';

/** Withdraws an open invitation; its link stops working at once. */
export const revokeInvitation = userManagerProcedure.input(RevokeInvitationInput).mutation(({ ctx, input }) =>
  revoke(ctx.tx, {
    tenantId: ctx.tenantId,
    invitationId: input.invitationId,
    actorUserId: ctx.actor.userId,
  }),
);
