import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { daemonCursorHistory, daemonCursors, daemonRuns, daemons } from '../../schema/index';

export async function daemonNameTaken(tx: Tx, tenantId: string, name: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: daemons.id })
    .from(daemons)
    .where(and(eq(daemons.tenantId, tenantId), eq(daemons.name, name)));
  return row !== undefined;
}

/**
 * Daemons of the tenants in scope with their live state: `running` (a lease or listener session
 * is open), last run counters and lag. One query; the console polls it.
 */
export async function listDaemons(tx: Tx, input: { tenantIds: readonly string[] }) {
  const last = tx
    .selectDistinctOn([daemonRuns.tenantId, daemonRuns.daemonId], {
      tenantId: daemonRuns.tenantId,
      daemonId: daemonRuns.daemonId,
      status: daemonRuns.status,
      startedAt: daemonRuns.startedAt,
      finishedAt: daemonRuns.finishedAt,
      fetched: daemonRuns.fetched,
      created: daemonRuns.created,
      failed: daemonRuns.failed,
      lagMs: daemonRuns.lagMs,
      error: daemonRuns.error,
    })
    .from(daemonRuns)
    .orderBy(daemonRuns.tenantId, daemonRuns.daemonId, desc(daemonRuns.startedAt))
    .as('last');
  const rows = await tx
    .select({
      tenantId: daemons.tenantId,
      id: daemons.id,
      name: daemons.name,
      kind: daemons.kind,
      enabled: daemons.enabled,
      scheduleKind: daemons.scheduleKind,
      nextRunAt: daemons.nextRunAt,
      lastRunAt: daemons.lastRunAt,
      lastStatus: daemons.lastStatus,
      lastError: daemons.lastError,
      leaseUntil: daemons.leaseUntil,
      last: {
        status: last.status,
        startedAt: last.startedAt,
        finishedAt: last.finishedAt,
        fetched: last.fetched,
        created: last.created,
        failed: last.failed,
        lagMs: last.lagMs,
        error: last.error,
      },
    })
    .from(daemons)
    .leftJoin(last, and(eq(last.tenantId, daemons.tenantId), eq(last.daemonId, daemons.id)))
    .where(sql`${daemons.tenantId} = any (${`{${input.tenantIds.join(',')}}`}::uuid[])`)
    .orderBy(daemons.name);
  return rows.map((r) => ({
    ...r,
    state: liveState(r.enabled, r.last?.status ?? null),
  }));
}

/** What the console shows: a disabled daemon is off, a run in progress is running, else its last outcome. */
export function liveState(
  enabled: boolean,
  lastRunStatus: string | null,
): 'disabled' | 'running' | 'failed' | 'idle' {
  if (!enabled) return 'disabled';
  if (lastRunStatus === 'running') return 'running';
  if (lastRunStatus === 'failed') return 'failed';
  return 'idle';
}

/** One daemon with its cursor; NotFoundError outside the scope. */
export async function getDaemon(tx: Tx, input: { tenantId: string; daemonId: string }) {
  const [row] = await tx
    .select()
    .from(daemons)
    .where(and(eq(daemons.tenantId, input.tenantId), eq(daemons.id, input.daemonId)));
  if (!row) throw new NotFoundError(`daemon ${input.daemonId} not found`);
  const [cursor] = await tx
    .select({ value: daemonCursors.value, updatedAt: daemonCursors.updatedAt })
    .from(daemonCursors)
    .where(and(eq(daemonCursors.tenantId, input.tenantId), eq(daemonCursors.daemonId, input.daemonId)));
  return { daemon: row, cursor: cursor ?? null };
}

/** The daemon's runs, newest first (history table and chart). */
export async function listDaemonRuns(tx: Tx, input: { tenantId: string; daemonId: string; limit: number }) {
  return tx
    .select()
    .from(daemonRuns)
    .where(and(eq(daemonRuns.tenantId, input.tenantId), eq(daemonRuns.daemonId, input.daemonId)))
    .orderBy(desc(daemonRuns.startedAt))
    .limit(input.limit);
}

/** Cursor values the daemon had, newest first: what rewind offers. */
export async function listCursorHistory(
  tx: Tx,
  input: { tenantId: string; daemonId: string; limit: number },
) {
  return tx
    .select({
      id: daemonCursorHistory.id,
      value: daemonCursorHistory.value,
      reason: daemonCursorHistory.reason,
      runId: daemonCursorHistory.runId,
      setAt: daemonCursorHistory.setAt,
    })
    .from(daemonCursorHistory)
    .where(
      and(eq(daemonCursorHistory.tenantId, input.tenantId), eq(daemonCursorHistory.daemonId, input.daemonId)),
    )
    .orderBy(desc(daemonCursorHistory.id))
    .limit(input.limit);
}
