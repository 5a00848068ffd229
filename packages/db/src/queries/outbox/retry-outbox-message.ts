import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { DELIVER_EMAIL, type DeliverEmailPayload } from '../../jobs/deliver-email';
import { enqueue } from '../../jobs/enqueue';
import { outbox } from '../../schema/index';

/**
 * Puts a failed message back to pending and queues a new delivery job in the same transaction.
 * Only failed messages: a pending one already has its job, a sent one must not go twice.
 */
export async function retryOutboxMessage(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ retried: boolean; status: 'pending' | 'sent' | 'failed' }> {
  const [row] = await tx
    .select({ status: outbox.status })
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('message not found');
  if (row.status !== 'failed') return { retried: false, status: row.status };
  await tx
    .update(outbox)
    .set({ status: 'pending' })
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id)));
  const payload: DeliverEmailPayload = { tenantId, messageId: id };
  await enqueue(tx, DELIVER_EMAIL, payload);
  return { retried: true, status: 'pending' };
}
