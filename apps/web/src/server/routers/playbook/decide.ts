import { closeDecision } from '@palisade/db/queries/playbooks/decisions';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { DecideInput } from './decide.schema';
import { sendRunEvent } from './send-run-event';

/** Answers a pending manual decision; the engine refuses a choice it did not offer or a closed decision. */
export const decide = staffTenantProcedure.input(DecideInput).mutation(async ({ ctx, input }) => {
  // Closed first, with who and what; a refused event below rolls this back with it.
  await closeDecision(
    ctx.tx,
    { tenantId: ctx.tenantId, runId: input.runId, stepId: input.stepId, index: input.index },
    {
      status: 'answered',
      choice: input.choice,
      answeredBy: ctx.actor.userId,
      ...(input.comment ? { comment: input.comment } : {}),
    },
  );
  return sendRunEvent(ctx.tx, ctx.log, ctx.tenantId, input.runId, {
    type: 'decision.made',
    stepId: input.stepId,
    index: input.index,
    choice: input.choice,
    by: ctx.actor.userId,
    ...(input.comment ? { comment: input.comment } : {}),
  });
});
