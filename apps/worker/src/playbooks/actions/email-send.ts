import { insertOutboxEmail } from '@palisade/db/queries/outbox/insert-outbox-email';
import { emailSend } from '@palisade/playbook/actions/email-send';
import { actionImpl } from '../action-impl';

/**
 * Queues the email in the outbox (delivery is the notification worker's job). The insert is keyed by the
 * action's idempotency key and commits with the effect record, so a replayed step adds no second email.
 */
export const emailSendImpl = actionImpl({
  mode: 'tx',
  contract: emailSend,
  run: async (input, ctx, tx) => {
    const { id } = await insertOutboxEmail(tx, {
      tenantId: ctx.tenantId,
      idempotencyKey: ctx.idempotencyKey,
      to: input.to,
      cc: input.cc,
      subject: input.subject,
      text: input.body,
      incidentId: input.incidentId ?? null,
    });
    return { messageId: id };
  },
});
