import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { DELIVER_EMAIL, type DeliverEmailPayload } from '../../jobs/deliver-email';
import { enqueue } from '../../jobs/enqueue';
import { outbox } from '../../schema/index';

export const QueueEmailInput = z.object({
  /** Defaults to the scope's only tenant. */
  tenantId: z.uuid().optional(),
  /** Derived from domain ids (`tier1:<incident>:<contact>`), never random: the same event queues once. */
  idempotencyKey: z.string().min(1).max(500),
  to: z.array(z.email()).min(1).max(50),
  cc: z.array(z.email()).max(50).default([]),
  // A line break in a subject would be a header injection at the provider.
  subject: z
    .string()
    .min(1)
    .max(300)
    .refine((s) => !/[\r\n]/.test(s), 'subject must be one line'),
  html: z.string().min(1).max(1_000_000),
  text: z.string().min(1).max(200_000),
  incidentId: z.uuid().nullable().optional(),
  /** What produced it (`playbook`, `tier1`, `sla-breach`, `report`, …). */
  kind: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9._-]*$/),
});
export type QueueEmailInput = z.input<typeof QueueEmailInput>;

/**
 * The one way to send email: inserts a `pending` outbox row and, in the same transaction, the
 * `deliver-email` job for it, so a message exists only with its delivery and vice versa. The same
 * idempotency key again (a retried producer) returns the first message and queues nothing.
 */
export async function queueEmail(
  tx: Tx,
  input: QueueEmailInput,
): Promise<{ id: string; tenantId: string; created: boolean }> {
  const email = QueueEmailInput.parse(input);
  const inserted = await tx
    .insert(outbox)
    .values({
      ...(email.tenantId ? { tenantId: email.tenantId } : {}),
      idempotencyKey: email.idempotencyKey,
      to: email.to.map((a) => a.toLowerCase()),
      cc: email.cc.map((a) => a.toLowerCase()),
      subject: email.subject,
      html: email.html,
      text: email.text,
      incidentId: email.incidentId ?? null,
      kind: email.kind,
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id, tenantId: outbox.tenantId });
  const row = inserted[0];
  if (row) {
    const payload: DeliverEmailPayload = { tenantId: row.tenantId, messageId: row.id };
    await enqueue(tx, DELIVER_EMAIL, payload);
    return { ...row, created: true };
  }
  const [existing] = await tx
    .select({ id: outbox.id, tenantId: outbox.tenantId })
    .from(outbox)
    .where(
      and(
        ...(email.tenantId ? [eq(outbox.tenantId, email.tenantId)] : []),
        eq(outbox.idempotencyKey, email.idempotencyKey),
      ),
    );
  if (!existing) throw new Error('outbox insert conflicted but no row in scope holds the key');
  return { ...existing, created: false };
}
