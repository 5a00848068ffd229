import { unassignAnalyst as unassign } from '@palisade/db/queries/users/manage-user';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { UnassignAnalystInput } from './assign-analyst.schema';

/** MSSP admins: removes an analyst's access to the tenant; it applies on the analyst's next request. */
export const unassignAnalyst = adminTenantProcedure
  .input(UnassignAnalystInput)
  .mutation(({ ctx, input }) =>
    unassign(ctx.tx, { tenantId: ctx.tenantId, userId: input.userId, actorUserId: ctx.actor.userId }),
  );
