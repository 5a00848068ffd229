import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { outbox } from '../../schema/index';

export type NewOutboxEmail = {
  tenantId: string;
  idempotencyKey: string;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  incidentId?: string | null;
};

/** Queues an email; the same key again returns the first row's id and adds nothing. */
export async function insertOutboxEmail(
  tx: Tx,
  email: NewOutboxEmail,
): Promise<{ id: string; created: boolean }> {
  const id = crypto.randomUUID();
  const inserted = await tx
    .insert(outbox)
    .values({
      ...email,
      id,
      cc: email.cc ?? [],
      html: email.html ?? null,
      incidentId: email.incidentId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [existing] = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.tenantId, email.tenantId), eq(outbox.idempotencyKey, email.idempotencyKey)));
  if (!existing) throw new Error('outbox insert conflicted but no row holds the key');
  return { id: existing.id, created: false };
}
