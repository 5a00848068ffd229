import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { BOSS_SCHEMA, enqueueMany, type JobToEnqueue } from '../../jobs/enqueue';
import { FIRE_SLA_TIMER, type FireSlaTimerPayload } from '../../jobs/fire-sla-timer';
import { rowsOf } from '../../rows';

/**
 * Whether pg-boss is installed on this database. Before any worker has run there is nowhere to put a
 * delayed job: the timer row (its `next_fire_at`) is the truth, and the worker's sweeper fires it.
 */
export async function jobQueueReady(tx: Tx): Promise<boolean> {
  const [row] = rowsOf<{ ready: boolean }>(
    await tx.execute(sql`select to_regclass(${`${BOSS_SCHEMA}.job`}) is not null as ready`),
  );
  return row?.ready ?? false;
}

/**
 * The delayed `fire-sla-timer` job at `at`. The singleton key also makes a missing queue a no-op
 * (enqueueMany does not count keyed jobs as lost) rather than a failed incident change.
 */
export function slaFiringJob(payload: FireSlaTimerPayload, at: Date): JobToEnqueue {
  return {
    name: FIRE_SLA_TIMER,
    data: payload,
    options: {
      startAfter: at,
      singletonKey: `sla:${payload.timerId}:${at.getTime()}`,
      // A firing is a few set-based writes; a stuck attempt should be retried soon, not after 15 minutes.
      expireInSeconds: 60,
    },
  };
}

/** A delayed `fire-sla-timer` job at `at`, in the caller's transaction (see `jobQueueReady`). */
export async function scheduleSlaFiring(tx: Tx, payload: FireSlaTimerPayload, at: Date): Promise<boolean> {
  if (!(await jobQueueReady(tx))) return false;
  return (await enqueueMany(tx, [slaFiringJob(payload, at)])) > 0;
}
