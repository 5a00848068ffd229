import {
  FIRE_SLA_TIMER,
  FireSlaTimerPayload,
  NOTIFY_SLA_EVENTS,
  NotifySlaEventsPayload,
  SWEEP_SLA_TIMERS,
  SweepSlaTimersPayload,
} from '@palisade/db/jobs/fire-sla-timer';
import { listDueSlaTimers } from '@palisade/db/queries/sla/list-due-sla-timers';
import { loadWorkerEnv } from '../env';
import { defineJob } from '../jobs/define-job';
import { fireListedSlaTimers, fireTenantSlaTimers } from './fire-sla-timer';
import { notifySlaEvents } from './notify-sla-events';

/** Links in SLA notices point here. */
export function slaPublicUrl(): string {
  const env = loadWorkerEnv();
  return (env.PALISADE_PUBLIC_URL ?? env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/**
 * The delayed job at a timer's next due moment. It fires every timer of its tenant that is due by
 * now in one transaction (the batch its siblings would otherwise fire one by one); the siblings that
 * come after find their timer fired and return after one read. Large fetch batches keep lateness
 * near one polling interval when many timers fall due together.
 */
export const fireSlaTimerJob = defineJob(
  FIRE_SLA_TIMER,
  FireSlaTimerPayload,
  async (p, { database, log }) => {
    const result = await fireTenantSlaTimers(database.db, p.tenantId);
    if (result.events > 0) log.info({ timers: result.timers, events: result.events }, 'sla events fired');
    return { timers: result.timers, events: result.events };
  },
  { retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true, expireInSeconds: 120, batchSize: 50 },
);

/**
 * The backstop: every minute, fire every overdue timer of every tenant (a delayed job lost with a
 * crashed worker, a timer written before the worker's queues existed). The overdue ids come from a
 * SECURITY DEFINER lookup (ids only); each tenant's timers then fire in one transaction in its scope.
 */
export const sweepSlaTimersJob = defineJob(
  SWEEP_SLA_TIMERS,
  SweepSlaTimersPayload,
  async (p, { database, log }) => {
    const due = await listDueSlaTimers(database.db, p.limit);
    const result = await fireListedSlaTimers(database.db, due);
    if (due.length > 0) log.info({ listed: due.length, ...result }, 'overdue sla timers swept');
    return result;
  },
  {
    retryLimit: 1,
    expireInSeconds: 300,
    batchSize: 1,
    cron: { expression: '* * * * *', payload: { limit: 2000 } },
  },
);

/** Recipients, rendering and queueEmail for one firing's events; retried, idempotent per email key. */
export const notifySlaEventsJob = defineJob(
  NOTIFY_SLA_EVENTS,
  NotifySlaEventsPayload,
  async (p, { database, log }) => {
    const result = await notifySlaEvents(database.db, p, { publicUrl: slaPublicUrl() });
    log.info({ events: p.events, emails: result.sent.length }, 'sla notices queued');
    return result;
  },
  { retryLimit: 5, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 300, batchSize: 10 },
);

export const slaJobs = [fireSlaTimerJob, sweepSlaTimersJob, notifySlaEventsJob];
