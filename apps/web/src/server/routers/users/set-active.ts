import { setUserActive } from '@palisade/db/queries/users/manage-user';
import { SetUserActiveInput } from './set-active.schema';
import { manageableRoles, userManagerProcedure } from './user-manager-procedure';

/**
 * Deactivates or reactivates a user of the tenant. Sessions end at once: the actor is resolved from
 * the database on every request, and an inactive one is refused (UNAUTHORIZED).
 */
export const setActive = userManagerProcedure
  .input(SetUserActiveInput)
  .mutation(({ ctx, input }) =>
    setUserActive(
      ctx.tx,
      { tenantId: ctx.tenantId, userId: input.userId, active: input.active, actorUserId: ctx.actor.userId },
      manageableRoles(ctx.actor.role),
    ),
  );
