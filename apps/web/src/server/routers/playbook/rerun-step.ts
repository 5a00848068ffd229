import { recordAudit } from '@palisade/db/audit';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { RerunStepInput } from './rerun-step.schema';
import { sendRunEvent } from './send-run-event';

/** Re-runs a failed step and everything downstream of it, on the run's pinned version. */
export const rerunStep = staffTenantProcedure.input(RerunStepInput).mutation(async ({ ctx, input }) => {
  const res = await sendRunEvent(ctx.tx, ctx.log, ctx.tenantId, input.runId, {
    type: 'step.rerun',
    stepId: input.stepId,
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'playbook.run.rerun_step',
    target: `playbook_run:${input.runId}`,
    after: { stepId: input.stepId },
  });
  return res;
});
