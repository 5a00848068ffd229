import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { type Daemon, daemonCursorHistory, daemonCursors, daemons } from '../../schema/index';
import { getDaemonForUpdate } from './save-daemon';

type Target = { tenantId: string; daemonId: string; actorUserId: string | null };

async function audit(tx: Tx, t: Target, action: string, before: unknown, after: unknown) {
  await recordAudit(tx, {
    tenantId: t.tenantId,
    actorUserId: t.actorUserId,
    action,
    target: `daemon:${t.daemonId}`,
    before,
    after,
  });
}

const byId = (t: Target) => and(eq(daemons.tenantId, t.tenantId), eq(daemons.id, t.daemonId));

/**
 * Enables (next run at `nextRunAt`) or disables a daemon. Disabling clears the next run; a run in
 * progress finishes its current batch and stops (the runner re-reads `enabled` between batches), a
 * listener is stopped by the service when it sees the new version.
 */
export async function setDaemonEnabled(
  tx: Tx,
  input: Target & { enabled: boolean; nextRunAt: Date | null },
): Promise<Daemon> {
  const before = await getDaemonForUpdate(tx, input.tenantId, input.daemonId);
  const [row] = await tx
    .update(daemons)
    .set({
      enabled: input.enabled,
      nextRunAt: input.enabled ? input.nextRunAt : null,
      version: sql`${daemons.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(byId(input))
    .returning();
  await audit(
    tx,
    input,
    input.enabled ? 'daemon.enable' : 'daemon.disable',
    { enabled: before.enabled },
    { enabled: input.enabled },
  );
  return row as Daemon;
}

/** Sets when the daemon runs next: now (run now) or any instant (reschedule). Listeners have no next run. */
export async function scheduleDaemonRun(
  tx: Tx,
  input: Target & { at: Date; reason: 'run_now' | 'reschedule' },
): Promise<Daemon> {
  const before = await getDaemonForUpdate(tx, input.tenantId, input.daemonId);
  const [row] = await tx
    .update(daemons)
    .set({ nextRunAt: input.at, updatedAt: sql`now()` })
    .where(byId(input))
    .returning();
  await audit(
    tx,
    input,
    input.reason === 'run_now' ? 'daemon.run_now' : 'daemon.reschedule',
    { nextRunAt: before.nextRunAt },
    { nextRunAt: input.at },
  );
  return row as Daemon;
}

/**
 * Sets the cursor to `value` (null = reset: the next run starts from the look-back window) and
 * records it in the history. Items before the new position are fetched again; intake dedup keeps
 * those already stored from becoming duplicates.
 */
export async function setDaemonCursor(
  tx: Tx,
  input: Target & { value: unknown; reason: 'reset' | 'rewind' },
): Promise<void> {
  await getDaemonForUpdate(tx, input.tenantId, input.daemonId);
  const [before] = await tx
    .select({ value: daemonCursors.value })
    .from(daemonCursors)
    .where(and(eq(daemonCursors.tenantId, input.tenantId), eq(daemonCursors.daemonId, input.daemonId)));
  await writeCursor(tx, { ...input, runId: null });
  await audit(
    tx,
    input,
    `daemon.cursor_${input.reason}`,
    { cursor: before?.value ?? null },
    { cursor: input.value },
  );
}

/** Upserts the cursor and appends to its history (the runner calls it in the batch's transaction). */
export async function writeCursor(
  tx: Tx,
  input: {
    tenantId: string;
    daemonId: string;
    value: unknown;
    reason: 'run' | 'reset' | 'rewind';
    runId: string | null;
    actorUserId: string | null;
  },
): Promise<void> {
  const value = input.value ?? null;
  await tx
    .insert(daemonCursors)
    .values({ tenantId: input.tenantId, daemonId: input.daemonId, value })
    .onConflictDoUpdate({
      target: [daemonCursors.tenantId, daemonCursors.daemonId],
      set: { value, updatedAt: sql`now()` },
    });
  await tx.insert(daemonCursorHistory).values({
    tenantId: input.tenantId,
    daemonId: input.daemonId,
    value,
    reason: input.reason,
    runId: input.runId,
    actorUserId: input.actorUserId,
  });
}

/** Deletes a daemon with its cursor and runs (its data source and alerts stay). */
export async function deleteDaemon(tx: Tx, input: Target): Promise<void> {
  const before = await getDaemonForUpdate(tx, input.tenantId, input.daemonId);
  await tx.delete(daemons).where(byId(input));
  await audit(tx, input, 'daemon.delete', { name: before.name, kind: before.kind }, null);
}
