import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { DryRunInput } from './dry-run.schema';
import { startRunFor } from './start-run-for';

/** A dry run against a chosen incident: side-effecting actions are recorded, not performed. */
export const dryRun = staffTenantProcedure.input(DryRunInput).mutation(({ ctx, input }) =>
  startRunFor(ctx.tx, ctx.log, {
    tenantId: ctx.tenantId,
    playbookId: input.playbookId,
    inputs: input.inputs,
    incidentId: input.incidentId,
    userId: ctx.actor.userId,
    dryRun: true,
  }),
);
