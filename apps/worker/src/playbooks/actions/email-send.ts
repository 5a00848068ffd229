import { queueEmail } from '@palisade/db/queries/outbox/queue-email';
import { emailSend } from '@palisade/playbook/actions/email-send';
import { createElement } from 'react';
import { msspEmailBranding } from '../../notifications/email-branding';
import { renderEmail } from '../../notifications/render-email';
import { PlainMessage } from '../../notifications/templates/plain-message';
import { actionImpl } from '../action-impl';

/**
 * Queues the email through the one outbound path (`queueEmail`: outbox row plus delivery job). The row is
 * keyed by the action's idempotency key and commits with the effect record, so a replayed step adds no
 * second email. The body is the author's text as written; the HTML part wraps it in the MSSP layout.
 */
export const emailSendImpl = actionImpl({
  mode: 'tx',
  contract: emailSend,
  run: async (input, ctx, tx) => {
    const branding = await msspEmailBranding(tx);
    const { html } = await renderEmail(createElement(PlainMessage, { branding, body: input.body }));
    const { id } = await queueEmail(tx, {
      tenantId: ctx.tenantId,
      idempotencyKey: ctx.idempotencyKey,
      to: input.to,
      cc: input.cc,
      subject: input.subject,
      html,
      text: input.body,
      incidentId: input.incidentId ?? null,
      kind: 'playbook',
    });
    return { messageId: id };
  },
});
