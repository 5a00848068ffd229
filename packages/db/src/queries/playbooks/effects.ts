import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { playbookEffects } from '../../schema/index';

export type NewEffect = typeof playbookEffects.$inferInsert;

/** The recorded effect for a key, if the side effect was already done (or recorded by a dry run). */
export async function findEffect(tx: Tx, tenantId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(playbookEffects)
    .where(and(eq(playbookEffects.tenantId, tenantId), eq(playbookEffects.idempotencyKey, idempotencyKey)));
  return row;
}

/** Records a done side effect; a second record of the same key keeps the first. */
export async function recordEffect(tx: Tx, effect: NewEffect): Promise<void> {
  await tx.insert(playbookEffects).values(effect).onConflictDoNothing();
}

export async function listRunEffects(tx: Tx, tenantId: string, runId: string) {
  return tx
    .select()
    .from(playbookEffects)
    .where(and(eq(playbookEffects.tenantId, tenantId), eq(playbookEffects.runId, runId)))
    .orderBy(asc(playbookEffects.createdAt));
}
