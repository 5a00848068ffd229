import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type playbookRunStatus, playbookRuns, playbooks } from '../../schema/index';

export type RunStatus = (typeof playbookRunStatus.enumValues)[number];

export type NewRun = {
  tenantId: string;
  id: string;
  playbookId: string;
  version: number;
  trigger: string;
  triggeredBy?: string | null;
  dryRun: boolean;
  incidentId?: string | null;
  state: unknown;
  parent?: { runId: string; stepId: string; index: number; attempt: number };
  dedupKey?: string;
};

/** Inserts a run; false when a run with the same dedup key exists (a replayed start). */
export async function insertRun(tx: Tx, run: NewRun): Promise<boolean> {
  const inserted = await tx
    .insert(playbookRuns)
    .values({
      tenantId: run.tenantId,
      id: run.id,
      playbookId: run.playbookId,
      version: run.version,
      trigger: run.trigger,
      triggeredBy: run.triggeredBy ?? null,
      dryRun: run.dryRun,
      incidentId: run.incidentId ?? null,
      state: run.state,
      parentRunId: run.parent?.runId ?? null,
      parentStepId: run.parent?.stepId ?? null,
      parentIndex: run.parent?.index ?? null,
      parentAttempt: run.parent?.attempt ?? null,
      dedupKey: run.dedupKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: playbookRuns.id });
  return inserted.length === 1;
}

/** The run row, locked for this transaction: every state change of a run goes through this lock. */
export async function lockRun(tx: Tx, tenantId: string, runId: string) {
  const [row] = await tx
    .select()
    .from(playbookRuns)
    .where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.id, runId)))
    .for('update');
  return row;
}

export async function saveRunState(
  tx: Tx,
  tenantId: string,
  runId: string,
  update: {
    state: unknown;
    status: RunStatus;
    error: string | null;
    finishedAt: Date | null;
    generation: number;
  },
): Promise<void> {
  await tx
    .update(playbookRuns)
    .set({ ...update, updatedAt: sql`now()` })
    .where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.id, runId)));
}

export async function getRun(tx: Tx, tenantId: string, runId: string) {
  const [row] = await tx
    .select({ run: playbookRuns, slug: playbooks.slug, name: playbooks.name })
    .from(playbookRuns)
    .innerJoin(
      playbooks,
      and(eq(playbooks.tenantId, playbookRuns.tenantId), eq(playbooks.id, playbookRuns.playbookId)),
    )
    .where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.id, runId)));
  return row;
}

export async function findRunByDedupKey(tx: Tx, tenantId: string, dedupKey: string) {
  const [row] = await tx
    .select({ id: playbookRuns.id })
    .from(playbookRuns)
    .where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.dedupKey, dedupKey)));
  return row;
}

export async function listChildRuns(tx: Tx, tenantId: string, parentRunId: string) {
  return tx
    .select({
      id: playbookRuns.id,
      status: playbookRuns.status,
      parentStepId: playbookRuns.parentStepId,
      parentIndex: playbookRuns.parentIndex,
      parentAttempt: playbookRuns.parentAttempt,
    })
    .from(playbookRuns)
    .where(and(eq(playbookRuns.tenantId, tenantId), eq(playbookRuns.parentRunId, parentRunId)));
}

export type RunFilters = {
  playbookId?: string;
  status?: RunStatus[];
  incidentId?: string;
  /** root runs only (hide nested children) */
  rootOnly?: boolean;
  before?: Date;
  limit: number;
};

/** Newest first; `before` pages by started_at. The state jsonb is left out (it can be large). */
export async function listRuns(tx: Tx, tenantId: string, filters: RunFilters) {
  const where: SQL[] = [eq(playbookRuns.tenantId, tenantId)];
  if (filters.playbookId) where.push(eq(playbookRuns.playbookId, filters.playbookId));
  if (filters.status?.length) where.push(inArray(playbookRuns.status, filters.status));
  if (filters.incidentId) where.push(eq(playbookRuns.incidentId, filters.incidentId));
  if (filters.rootOnly) where.push(sql`${playbookRuns.parentRunId} is null`);
  if (filters.before) where.push(lt(playbookRuns.startedAt, filters.before));
  return tx
    .select({
      id: playbookRuns.id,
      playbookId: playbookRuns.playbookId,
      slug: playbooks.slug,
      name: playbooks.name,
      version: playbookRuns.version,
      trigger: playbookRuns.trigger,
      status: playbookRuns.status,
      dryRun: playbookRuns.dryRun,
      incidentId: playbookRuns.incidentId,
      parentRunId: playbookRuns.parentRunId,
      error: playbookRuns.error,
      startedAt: playbookRuns.startedAt,
      finishedAt: playbookRuns.finishedAt,
    })
    .from(playbookRuns)
    .innerJoin(
      playbooks,
      and(eq(playbooks.tenantId, playbookRuns.tenantId), eq(playbooks.id, playbookRuns.playbookId)),
    )
    .where(and(...where))
    .orderBy(desc(playbookRuns.startedAt))
    .limit(filters.limit);
}
