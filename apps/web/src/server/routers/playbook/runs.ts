import { listRuns } from '@palisade/db/queries/playbooks/runs';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ListRunsInput } from './runs.schema';

/** Run history with filters, newest first. */
export const runs = staffTenantProcedure.input(ListRunsInput).query(({ ctx, input }) =>
  listRuns(ctx.tx, ctx.tenantId, {
    limit: input.limit,
    rootOnly: input.rootOnly,
    ...(input.playbookId ? { playbookId: input.playbookId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    ...(input.before ? { before: input.before } : {}),
  }),
);
