import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { playbookDecisions } from '../../schema/index';

export type NewDecision = typeof playbookDecisions.$inferInsert;

/** Opens (or re-opens, after a re-run) the decision a unit waits on. */
export async function openDecision(tx: Tx, d: NewDecision): Promise<void> {
  await tx
    .insert(playbookDecisions)
    .values({ ...d, status: 'pending' })
    .onConflictDoUpdate({
      target: [
        playbookDecisions.tenantId,
        playbookDecisions.runId,
        playbookDecisions.stepId,
        playbookDecisions.itemIndex,
      ],
      set: {
        status: 'pending',
        prompt: d.prompt,
        role: d.role,
        choices: d.choices,
        deadlineAt: d.deadlineAt ?? null,
        choice: null,
        answeredBy: null,
        answeredAt: null,
        comment: null,
      },
    });
}

export async function getDecision(tx: Tx, tenantId: string, runId: string, stepId: string, index: number) {
  const [row] = await tx
    .select()
    .from(playbookDecisions)
    .where(
      and(
        eq(playbookDecisions.tenantId, tenantId),
        eq(playbookDecisions.runId, runId),
        eq(playbookDecisions.stepId, stepId),
        eq(playbookDecisions.itemIndex, index),
      ),
    );
  return row;
}

export async function closeDecision(
  tx: Tx,
  key: { tenantId: string; runId: string; stepId: string; index: number },
  set: {
    status: 'answered' | 'timed_out' | 'cancelled';
    choice?: string;
    answeredBy?: string;
    comment?: string;
  },
): Promise<void> {
  await tx
    .update(playbookDecisions)
    .set({
      status: set.status,
      choice: set.choice ?? null,
      answeredBy: set.answeredBy ?? null,
      comment: set.comment ?? null,
      answeredAt: sql`now()`,
    })
    .where(
      and(
        eq(playbookDecisions.tenantId, key.tenantId),
        eq(playbookDecisions.runId, key.runId),
        eq(playbookDecisions.stepId, key.stepId),
        eq(playbookDecisions.itemIndex, key.index),
        eq(playbookDecisions.status, 'pending'),
      ),
    );
}

export async function listRunDecisions(tx: Tx, tenantId: string, runId: string) {
  return tx
    .select()
    .from(playbookDecisions)
    .where(and(eq(playbookDecisions.tenantId, tenantId), eq(playbookDecisions.runId, runId)))
    .orderBy(asc(playbookDecisions.createdAt));
}
