import type { Db } from '@palisade/db/database';
import type { DeliverEmailPayload } from '@palisade/db/jobs/deliver-email';
import {
  getOutboxMessage,
  recordDeliveryFailure,
  recordDeliverySuccess,
} from '@palisade/db/queries/outbox/record-delivery';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { Logger } from 'pino';
import type { Mailer } from './mailer';

export type DeliveryOutcome =
  | { status: 'sent'; via: 'resend' | 'outbox' }
  | { status: 'skipped'; reason: 'not_found' | 'not_pending' }
  | { status: 'failed'; error: string };

/** The provider's idempotency key for a message: stable across attempts, unique per outbox row. */
export const providerKey = (p: DeliverEmailPayload) => `palisade-outbox:${p.tenantId}:${p.messageId}`;

export class DeliveryRetryError extends Error {
  override readonly name = 'DeliveryRetryError';
}

/**
 * One delivery attempt: read the message, send it outside any transaction, record the outcome.
 * Only a `pending` message is sent, so a redelivered job of a sent message does nothing; a crash
 * between the provider's answer and the record leaves it pending, and the retry sends with the same
 * idempotency key, which the provider answers with the first email instead of a second one.
 * A retryable failure throws (`DeliveryRetryError`) so the job is retried with backoff; the last
 * attempt, or a refusal that retrying cannot fix, marks the message failed.
 */
export async function deliverEmail(
  deps: { db: Db; mailer: Mailer; log: Logger },
  p: DeliverEmailPayload,
  attempt: { isLast: boolean; signal?: AbortSignal },
): Promise<DeliveryOutcome> {
  const { db, mailer, log } = deps;
  const message = await withTenantOn(db, p.tenantId, (tx) => getOutboxMessage(tx, p.tenantId, p.messageId));
  if (!message) {
    log.warn({ message_id: p.messageId }, 'outbox message not found, nothing to deliver');
    return { status: 'skipped', reason: 'not_found' };
  }
  if (message.status !== 'pending') {
    log.info(
      { message_id: p.messageId, status: message.status },
      'outbox message not pending, not sent again',
    );
    return { status: 'skipped', reason: 'not_pending' };
  }
  const result = await mailer.send(
    {
      from: mailer.from,
      to: message.to,
      cc: message.cc,
      subject: message.subject,
      html: message.html,
      text: message.text,
    },
    { idempotencyKey: providerKey(p), ...(attempt.signal ? { signal: attempt.signal } : {}) },
  );
  if (result.ok) {
    await withTenantOn(db, p.tenantId, (tx) =>
      recordDeliverySuccess(tx, {
        tenantId: p.tenantId,
        id: p.messageId,
        via: mailer.via,
        providerMessageId: result.providerMessageId,
      }),
    );
    log.info({ message_id: p.messageId, via: mailer.via }, 'email delivered');
    return { status: 'sent', via: mailer.via };
  }
  const final = attempt.isLast || result.permanent;
  await withTenantOn(db, p.tenantId, (tx) =>
    recordDeliveryFailure(tx, { tenantId: p.tenantId, id: p.messageId, error: result.error, final }),
  );
  if (final) {
    log.error({ message_id: p.messageId, error: result.error, permanent: result.permanent }, 'email failed');
    return { status: 'failed', error: result.error };
  }
  log.warn({ message_id: p.messageId, error: result.error }, 'email attempt failed, will retry');
  throw new DeliveryRetryError(result.error);
}
