import { recordAudit } from '@palisade/db/audit';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { CancelRunInput } from './cancel.schema';
import { sendRunEvent } from './send-run-event';

export const cancel = staffTenantProcedure.input(CancelRunInput).mutation(async ({ ctx, input }) => {
  const res = await sendRunEvent(ctx.tx, ctx.log, ctx.tenantId, input.runId, {
    type: 'run.cancel',
    reason: input.reason,
  });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'playbook.run.cancel',
    target: `playbook_run:${input.runId}`,
    after: { reason: input.reason },
  });
  return res;
});
