import { NotFoundError } from '@palisade/db/errors';
import { getOutboxMessage } from '@palisade/db/queries/outbox/record-delivery';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { GetNotificationInput } from './get.schema';

/** One message with its rendered HTML and text, for the console's viewer. */
export const get = staffTenantProcedure.input(GetNotificationInput).query(async ({ ctx, input }) => {
  const message = await getOutboxMessage(ctx.tx, ctx.tenantId, input.messageId);
  if (!message) throw new NotFoundError('message not found');
  return message;
});
