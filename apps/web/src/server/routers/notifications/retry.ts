import { recordAudit } from '@palisade/db/audit';
import { retryOutboxMessage } from '@palisade/db/queries/outbox/retry-outbox-message';
import { TRPCError } from '@trpc/server';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { RetryNotificationInput } from './retry.schema';

/** Sends a failed message again (a new delivery job); pending or sent messages are refused. */
export const retry = staffTenantProcedure.input(RetryNotificationInput).mutation(async ({ ctx, input }) => {
  const result = await retryOutboxMessage(ctx.tx, ctx.tenantId, input.messageId);
  if (!result.retried) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `only failed messages can be retried; this one is ${result.status}`,
    });
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'notification.retried',
    target: `outbox:${input.messageId}`,
  });
  return result;
});
