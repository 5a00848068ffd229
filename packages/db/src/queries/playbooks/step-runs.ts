import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type playbookStepRunStatus, playbookStepRuns } from '../../schema/index';

export type StepRunStatus = (typeof playbookStepRunStatus.enumValues)[number];
export type NewStepRun = typeof playbookStepRuns.$inferInsert;
export type StepRunKey = {
  tenantId: string;
  runId: string;
  stepId: string;
  index: number;
  generation: number;
  attempt: number;
};

const keyOf = (k: StepRunKey) =>
  and(
    eq(playbookStepRuns.tenantId, k.tenantId),
    eq(playbookStepRuns.runId, k.runId),
    eq(playbookStepRuns.stepId, k.stepId),
    eq(playbookStepRuns.itemIndex, k.index),
    eq(playbookStepRuns.generation, k.generation),
    eq(playbookStepRuns.attempt, k.attempt),
  );

const ACTIVE: StepRunStatus[] = ['deferred', 'queued', 'running', 'waiting'];

/** Inserts attempt rows; an existing attempt (a replanned command after a crash) is kept as it is. */
export async function insertStepRuns(tx: Tx, rows: NewStepRun[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(playbookStepRuns).values(rows).onConflictDoNothing();
}

export async function getStepRun(tx: Tx, key: StepRunKey, lock = false) {
  const q = tx.select().from(playbookStepRuns).where(keyOf(key));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function updateStepRun(
  tx: Tx,
  key: StepRunKey,
  set: Partial<Pick<NewStepRun, 'status' | 'output' | 'error' | 'startedAt' | 'finishedAt'>>,
): Promise<void> {
  await tx.update(playbookStepRuns).set(set).where(keyOf(key));
}

/**
 * Finishes the still-active row of an attempt, whatever its generation (rows of steps a re-run reset are
 * all final, so only the live one matches).
 */
export async function finishActiveStepRun(
  tx: Tx,
  key: Omit<StepRunKey, 'generation'>,
  set: Partial<Pick<NewStepRun, 'status' | 'output' | 'error' | 'finishedAt'>>,
): Promise<void> {
  await tx
    .update(playbookStepRuns)
    .set(set)
    .where(
      and(
        eq(playbookStepRuns.tenantId, key.tenantId),
        eq(playbookStepRuns.runId, key.runId),
        eq(playbookStepRuns.stepId, key.stepId),
        eq(playbookStepRuns.itemIndex, key.index),
        eq(playbookStepRuns.attempt, key.attempt),
        inArray(playbookStepRuns.status, ACTIVE),
      ),
    );
}

/** Marks unfinished attempts of a unit (or the whole run) final, e.g. on cancel or timeout. */
export async function closeOpenStepRuns(
  tx: Tx,
  where: { tenantId: string; runId: string; stepId?: string; index?: number; attempt?: number },
  status: StepRunStatus,
  error: string,
): Promise<void> {
  const conds = [
    eq(playbookStepRuns.tenantId, where.tenantId),
    eq(playbookStepRuns.runId, where.runId),
    inArray(playbookStepRuns.status, ACTIVE),
  ];
  if (where.stepId !== undefined) conds.push(eq(playbookStepRuns.stepId, where.stepId));
  if (where.index !== undefined) conds.push(eq(playbookStepRuns.itemIndex, where.index));
  if (where.attempt !== undefined) conds.push(eq(playbookStepRuns.attempt, where.attempt));
  await tx
    .update(playbookStepRuns)
    .set({ status, error, finishedAt: sql`now()` })
    .where(and(...conds));
}

export async function listStepRuns(tx: Tx, tenantId: string, runId: string) {
  return tx
    .select()
    .from(playbookStepRuns)
    .where(and(eq(playbookStepRuns.tenantId, tenantId), eq(playbookStepRuns.runId, runId)))
    .orderBy(asc(playbookStepRuns.queuedAt), asc(playbookStepRuns.stepId), asc(playbookStepRuns.itemIndex));
}

/** Units of the tenant holding a slot: dispatched to the queue or running. */
export async function countInFlightSteps(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(playbookStepRuns)
    .where(
      and(eq(playbookStepRuns.tenantId, tenantId), inArray(playbookStepRuns.status, ['queued', 'running'])),
    );
  return row?.n ?? 0;
}

/**
 * Claims up to `limit` of the tenant's oldest deferred units and marks them queued. SKIP LOCKED: two
 * transactions freeing slots at once claim different units.
 */
export async function claimDeferredSteps(tx: Tx, tenantId: string, limit: number) {
  if (limit <= 0) return [];
  const picked = await tx
    .select({
      runId: playbookStepRuns.runId,
      stepId: playbookStepRuns.stepId,
      itemIndex: playbookStepRuns.itemIndex,
      generation: playbookStepRuns.generation,
      attempt: playbookStepRuns.attempt,
    })
    .from(playbookStepRuns)
    .where(and(eq(playbookStepRuns.tenantId, tenantId), eq(playbookStepRuns.status, 'deferred')))
    .orderBy(asc(playbookStepRuns.queuedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  for (const p of picked) {
    await updateStepRun(
      tx,
      {
        tenantId,
        runId: p.runId,
        stepId: p.stepId,
        index: p.itemIndex,
        generation: p.generation,
        attempt: p.attempt,
      },
      { status: 'queued' },
    );
  }
  return picked;
}
