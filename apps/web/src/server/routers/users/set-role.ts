import { setClientRole } from '@palisade/db/queries/users/manage-user';
import { SetClientRoleInput } from './set-role.schema';
import { userManagerProcedure } from './user-manager-procedure';

/** Makes a client user a client admin or a viewer (not oneself). */
export const setRole = userManagerProcedure.input(SetClientRoleInput).mutation(({ ctx, input }) =>
  setClientRole(ctx.tx, {
    tenantId: ctx.tenantId,
    userId: input.userId,
    role: input.role,
    actorUserId: ctx.actor.userId,
  }),
);
