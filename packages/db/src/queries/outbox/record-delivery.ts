import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type OutboxRow, outbox } from '../../schema/index';

/** The message a delivery attempt works on, or undefined when it is not in the scope. */
export async function getOutboxMessage(tx: Tx, tenantId: string, id: string): Promise<OutboxRow | undefined> {
  const [row] = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.tenantId, tenantId), eq(outbox.id, id)));
  return row;
}

const pendingMessage = (tenantId: string, id: string) =>
  and(eq(outbox.tenantId, tenantId), eq(outbox.id, id), eq(outbox.status, 'pending'));

/** Marks a pending message sent; false when it was no longer pending (another attempt got there). */
export async function recordDeliverySuccess(
  tx: Tx,
  m: { tenantId: string; id: string; via: 'resend' | 'outbox'; providerMessageId: string | null },
): Promise<boolean> {
  const now = new Date();
  const updated = await tx
    .update(outbox)
    .set({
      status: 'sent',
      deliveredVia: m.via,
      providerMessageId: m.providerMessageId,
      error: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastAttemptAt: now,
      sentAt: now,
    })
    .where(pendingMessage(m.tenantId, m.id))
    .returning({ id: outbox.id });
  return updated.length > 0;
}

/**
 * Records a failed attempt on a pending message; `final` (no retry left, or a refusal retrying cannot
 * fix) marks it failed, otherwise it stays pending for the job's next attempt.
 */
export async function recordDeliveryFailure(
  tx: Tx,
  m: { tenantId: string; id: string; error: string; final: boolean },
): Promise<boolean> {
  const updated = await tx
    .update(outbox)
    .set({
      ...(m.final ? { status: 'failed' as const } : {}),
      error: m.error.slice(0, 2000),
      attempts: sql`${outbox.attempts} + 1`,
      lastAttemptAt: new Date(),
    })
    .where(pendingMessage(m.tenantId, m.id))
    .returning({ id: outbox.id });
  return updated.length > 0;
}
