import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { StartRunInput } from './start.schema';
import { startRunFor } from './start-run-for';

/** A manual run of the playbook's current version; its first jobs commit with it. */
export const start = staffTenantProcedure.input(StartRunInput).mutation(({ ctx, input }) =>
  startRunFor(ctx.tx, ctx.log, {
    tenantId: ctx.tenantId,
    playbookId: input.playbookId,
    inputs: input.inputs,
    ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    userId: ctx.actor.userId,
    dryRun: false,
  }),
);
