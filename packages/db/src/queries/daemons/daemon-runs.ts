import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../database';
import { rowsOf } from '../../rows';
import { type Daemon, type DaemonRun, daemonCursors, daemonRuns, daemons } from '../../schema/index';

/** A batch commit found its lease gone (expired and taken by another run, or the daemon was disabled). */
export class DaemonLeaseLostError extends Error {
  readonly code = 'DAEMON_LEASE_LOST' as const;
  override readonly name = 'DaemonLeaseLostError';
}

export type ClaimedDaemon = { tenantId: string; daemonId: string; dueAt: Date };

/**
 * Claims due daemons across tenants (SECURITY DEFINER `daemons_claim_due`: there is no scope yet):
 * active tenants only, SKIP LOCKED, at most `tenantCap` leased per tenant. Call on the login role.
 */
export async function claimDueDaemons(
  db: Db,
  input: { owner: string; limit: number; leaseSeconds: number; tenantCap: number },
): Promise<ClaimedDaemon[]> {
  const rows = rowsOf<{ tenant_id: string; daemon_id: string; due_at: string | Date }>(
    await db.execute(
      sql`select * from public.daemons_claim_due(${input.owner}, ${input.limit}::integer, ${input.leaseSeconds}::integer, ${input.tenantCap}::integer)`,
    ),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, daemonId: r.daemon_id, dueAt: new Date(r.due_at) }));
}

export type ListenerDaemon = { tenantId: string; daemonId: string; kind: string; version: number };

/** Enabled listener daemons of active tenants (SECURITY DEFINER `daemons_listeners`). */
export async function listListenerDaemons(db: Db): Promise<ListenerDaemon[]> {
  const rows = rowsOf<{ tenant_id: string; daemon_id: string; kind: string; version: number }>(
    await db.execute(sql`select * from public.daemons_listeners()`),
  );
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    daemonId: r.daemon_id,
    kind: r.kind,
    version: Number(r.version),
  }));
}

export type StartedRun = { daemon: Daemon; cursor: unknown; run: DaemonRun };

/**
 * Opens a run for a daemon this owner holds the lease of; null when the lease is no longer ours.
 * A run left `running` by a crashed worker is marked abandoned first.
 */
export async function startDaemonRun(
  tx: Tx,
  input: {
    tenantId: string;
    daemonId: string;
    owner: string;
    trigger: 'schedule' | 'manual' | 'listener';
    scheduledFor: Date | null;
  },
): Promise<StartedRun | null> {
  const [daemon] = await tx
    .select()
    .from(daemons)
    .where(and(eq(daemons.tenantId, input.tenantId), eq(daemons.id, input.daemonId)))
    .for('update');
  if (!daemon) return null;
  if (input.trigger !== 'listener' && daemon.leaseOwner !== input.owner) return null;
  await abandonRuns(tx, input.tenantId, input.daemonId);
  const lagMs = input.scheduledFor ? Math.max(0, Date.now() - input.scheduledFor.getTime()) : null;
  const [run] = await tx
    .insert(daemonRuns)
    .values({
      tenantId: input.tenantId,
      daemonId: input.daemonId,
      trigger: input.trigger,
      scheduledFor: input.scheduledFor,
      lagMs,
    })
    .returning();
  await tx
    .update(daemons)
    .set({ currentRunId: (run as DaemonRun).id, lastStatus: 'running' })
    .where(and(eq(daemons.tenantId, input.tenantId), eq(daemons.id, input.daemonId)));
  const [cursor] = await tx
    .select({ value: daemonCursors.value })
    .from(daemonCursors)
    .where(and(eq(daemonCursors.tenantId, input.tenantId), eq(daemonCursors.daemonId, input.daemonId)));
  return { daemon, cursor: cursor?.value ?? null, run: run as DaemonRun };
}

async function abandonRuns(tx: Tx, tenantId: string, daemonId: string) {
  await tx
    .update(daemonRuns)
    .set({
      status: 'abandoned',
      finishedAt: sql`now()`,
      error:
        'the worker stopped during the run; items committed before it are kept, the rest are fetched again',
    })
    .where(
      and(
        eq(daemonRuns.tenantId, tenantId),
        eq(daemonRuns.daemonId, daemonId),
        eq(daemonRuns.status, 'running'),
      ),
    );
}

/**
 * Inside a batch's transaction, before writing its items: re-checks and extends this owner's lease
 * (row lock), so a run whose lease expired and was re-claimed cannot commit behind the new run.
 * Throws DaemonLeaseLostError (rolling the batch back) when the lease is gone or the daemon disabled.
 */
export async function holdDaemonLease(
  tx: Tx,
  input: { tenantId: string; daemonId: string; owner: string; leaseSeconds: number },
): Promise<void> {
  const rows = await tx
    .update(daemons)
    .set({ leaseUntil: sql`clock_timestamp() + make_interval(secs => ${input.leaseSeconds})` })
    .where(
      and(
        eq(daemons.tenantId, input.tenantId),
        eq(daemons.id, input.daemonId),
        eq(daemons.leaseOwner, input.owner),
        eq(daemons.enabled, true),
      ),
    )
    .returning({ id: daemons.id });
  if (rows.length === 0) throw new DaemonLeaseLostError(`daemon ${input.daemonId}: lease lost`);
}

export type RunCounts = {
  fetched?: number;
  created?: number;
  duplicates?: number;
  filtered?: number;
  failed?: number;
};

/** Adds a batch's counters to its run (same transaction as the batch). */
export async function addRunCounts(
  tx: Tx,
  input: { tenantId: string; runId: string; counts: RunCounts; lagMs?: number | null },
) {
  const c = input.counts;
  await tx
    .update(daemonRuns)
    .set({
      fetched: sql`${daemonRuns.fetched} + ${c.fetched ?? 0}`,
      created: sql`${daemonRuns.created} + ${c.created ?? 0}`,
      duplicates: sql`${daemonRuns.duplicates} + ${c.duplicates ?? 0}`,
      filtered: sql`${daemonRuns.filtered} + ${c.filtered ?? 0}`,
      failed: sql`${daemonRuns.failed} + ${c.failed ?? 0}`,
      ...(input.lagMs === undefined ? {} : { lagMs: input.lagMs }),
    })
    .where(and(eq(daemonRuns.tenantId, input.tenantId), eq(daemonRuns.id, input.runId)));
}

/**
 * Closes a run and releases the lease. `nextRunAt` is the computed next schedule; when an admin
 * changed `next_run_at` during the run (run now, reschedule) their value is kept.
 */
export async function finishDaemonRun(
  tx: Tx,
  input: {
    tenantId: string;
    daemonId: string;
    runId: string;
    owner: string | null;
    status: 'succeeded' | 'failed';
    error: string | null;
    summary: string | null;
    dueAt: Date | null;
    nextRunAt: Date | null;
  },
): Promise<void> {
  await tx
    .update(daemonRuns)
    .set({
      status: input.status,
      error: input.error,
      summary: input.summary,
      finishedAt: sql`now()`,
      durationMs: sql`(extract(epoch from now() - ${daemonRuns.startedAt}) * 1000)::integer`,
    })
    .where(
      and(
        eq(daemonRuns.tenantId, input.tenantId),
        eq(daemonRuns.id, input.runId),
        eq(daemonRuns.status, 'running'),
      ),
    );
  // Milliseconds: the claim's due time went through a JS Date, the column keeps microseconds.
  const untouched = input.dueAt
    ? sql`date_trunc('milliseconds', ${daemons.nextRunAt}) is not distinct from ${input.dueAt.toISOString()}::timestamptz`
    : sql`${daemons.nextRunAt} is null`;
  await tx
    .update(daemons)
    .set({
      lastRunAt: sql`now()`,
      lastStatus: input.status,
      lastError: input.error,
      currentRunId: null,
      leaseUntil: null,
      leaseOwner: null,
      nextRunAt: sql`case when ${daemons.enabled} and ${untouched} then ${input.nextRunAt?.toISOString() ?? null}::timestamptz when ${daemons.enabled} then ${daemons.nextRunAt} else null end`,
    })
    .where(
      and(
        eq(daemons.tenantId, input.tenantId),
        eq(daemons.id, input.daemonId),
        input.owner === null ? sql`true` : eq(daemons.leaseOwner, input.owner),
      ),
    );
}

/** Releases a lease without a run (tenant suspended between claim and start, lease already lost). */
export async function releaseDaemonLease(
  tx: Tx,
  input: { tenantId: string; daemonId: string; owner: string },
) {
  await tx
    .update(daemons)
    .set({ leaseUntil: null, leaseOwner: null })
    .where(
      and(
        eq(daemons.tenantId, input.tenantId),
        eq(daemons.id, input.daemonId),
        eq(daemons.leaseOwner, input.owner),
      ),
    );
}
