import type { Database } from '@palisade/db/client';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DaemonScheduler, type SchedulerOptions } from './daemon-scheduler';
import { ListenerService } from './listener-service';

/** The scheduler's heartbeat queue: each tick claims due daemons, syncs listeners and queues the next tick. */
export const TICK_DAEMONS = 'tick-daemons';

export type DaemonTuning = {
  /** Whole seconds between ticks (the scheduling resolution; pg-boss throttles per second). */
  tickSeconds?: number;
} & Pick<SchedulerOptions, 'concurrency' | 'tenantCap' | 'leaseSeconds'>;

export type DaemonServiceOptions = { boss: PgBoss; database: Database; log: Logger } & DaemonTuning;

export type DaemonService = {
  scheduler: DaemonScheduler;
  listeners: ListenerService;
  stop(): Promise<void>;
};

/**
 * Starts the daemon scheduler and the listener service on this worker. The tick is a pg-boss job
 * that re-queues itself (`startAfter`) on a `stately` queue (one queued, one active at most), with a
 * per-minute cron as the safety net that restarts the chain, so ticks survive restarts and several
 * workers share them. Listener changes (enable, disable, edit) are picked up on each tick.
 */
export async function startDaemonService(options: DaemonServiceOptions): Promise<DaemonService> {
  const { boss, database, log } = options;
  const tickSeconds = Math.max(1, Math.round(options.tickSeconds ?? 1));
  const scheduler = new DaemonScheduler({
    db: database.db,
    log,
    concurrency: options.concurrency,
    tenantCap: options.tenantCap,
    leaseSeconds: options.leaseSeconds,
  });
  const listeners = new ListenerService({ db: database.db, log });
  // A `stately` queue holds at most one queued and one active tick: re-sends and the cron collapse into one.
  const next = () => boss.send(TICK_DAEMONS, {}, { startAfter: tickSeconds });

  await boss.createQueue(TICK_DAEMONS, {
    name: TICK_DAEMONS,
    policy: 'stately',
    retryLimit: 0,
    expireInSeconds: 60,
  });
  await boss.schedule(TICK_DAEMONS, '* * * * *', {}, { tz: 'UTC' });
  const workerId = await boss.work(TICK_DAEMONS, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async () => {
    try {
      await scheduler.tick();
      await listeners.sync();
    } finally {
      await next();
    }
  });
  await next();
  await listeners.sync();
  log.info({ owner: scheduler.owner }, 'daemon service started');

  let stopping: Promise<void> | undefined;
  return {
    scheduler,
    listeners,
    stop() {
      stopping ??= (async () => {
        await boss.offWork({ id: workerId });
        await scheduler.stop();
        await listeners.stop();
      })();
      return stopping;
    },
  };
}
