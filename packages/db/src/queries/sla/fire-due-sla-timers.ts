import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { enqueueMany, type JobToEnqueue } from '../../jobs/enqueue';
import { NOTIFY_SLA_EVENTS, type NotifySlaEventsPayload } from '../../jobs/fire-sla-timer';
import { incidentEvents, incidents, type SlaTimer, slaTimerFirings, slaTimers } from '../../schema/index';
import type { BusinessCalendar } from './business-calendar';
import { loadTenantCalendar } from './load-sla-config';
import { jobQueueReady, slaFiringJob } from './schedule-sla-firing';
import { noticeRecipients } from './sla-recipients';
import { type DuePlan, normalizeFraction, planDueEvents, type SlaEvent } from './timer-schedule';

/** What one timer announced in a firing (events in firing order; empty when nothing was new). */
export type FiredSlaTimer = {
  timerId: string;
  incidentId: string;
  kind: SlaTimer['kind'];
  round: number;
  events: SlaEvent[];
};

export type FireDueSlaTimersOptions = {
  now?: Date;
  /** Only these timers (a delayed job's own timer, a test); default: every due timer of the tenant. */
  timerIds?: readonly string[];
  /** Timers claimed per call (at most SLA_FIRING_BATCH), oldest due first; the rest wait for the next call. */
  limit?: number;
};

/**
 * Timers per firing transaction: keeps the bulk inserts well inside Postgres' 65,535 bind parameters
 * (a timer announces at most its breach and its escalation steps) and the row locks short.
 */
export const SLA_FIRING_BATCH = 500;

const TIMELINE_KIND = {
  warning: 'sla_warning',
  breach: 'sla_breached',
  escalation: 'sla_escalated',
} as const;

/**
 * Fires every due timer of one tenant in the caller's (tenant-scoped) transaction with a fixed number
 * of set-based statements, however many timers are due:
 *
 * 1. the due timers are locked with `FOR UPDATE SKIP LOCKED` (a concurrent firing owns the rest, so
 *    two workers never fire the same timer), with their incident's assignee;
 * 2. what is due on each is planned in memory (business calendars need the tenant's hours);
 * 3. the events are recorded in `sla_timer_firings` in one insert whose primary key (timer, round,
 *    event) makes a second recording a no-op: only the rows it returns are announced;
 * 4. one update advances every timer (warned fractions, breach, escalation step, next_fire_at);
 * 5. one enqueue takes every next delayed firing and one `notify-sla-events` job per timer;
 * 6. one insert writes the timeline entries.
 *
 * All in one transaction: a rollback undoes the claims with everything else, a commit never loses a
 * notice.
 */
export async function fireDueSlaTimers(
  tx: Tx,
  tenantId: string,
  options: FireDueSlaTimersOptions = {},
): Promise<FiredSlaTimer[]> {
  const now = options.now ?? new Date();
  if (options.timerIds?.length === 0) return [];
  const claimed = await tx
    .select({ timer: slaTimers, assigneeUserId: incidents.assigneeUserId })
    .from(slaTimers)
    .innerJoin(
      incidents,
      and(eq(incidents.tenantId, slaTimers.tenantId), eq(incidents.id, slaTimers.incidentId)),
    )
    .where(
      and(
        eq(slaTimers.tenantId, tenantId),
        eq(slaTimers.state, 'running'),
        sql`${slaTimers.nextFireAt} <= ${now.toISOString()}::timestamptz`,
        options.timerIds ? inArray(slaTimers.id, [...options.timerIds]) : undefined,
      ),
    )
    .orderBy(slaTimers.nextFireAt)
    .limit(Math.min(options.limit ?? SLA_FIRING_BATCH, SLA_FIRING_BATCH))
    .for('update', { of: slaTimers, skipLocked: true });
  if (claimed.length === 0) return [];

  // Most clocks are 24x7: the business calendar (three reads) only when one of them counts on it.
  const business = claimed.some((c) => c.timer.calendar !== '24x7')
    ? await loadTenantCalendar(tx, tenantId)
    : null;
  const planned = claimed.map(({ timer, assigneeUserId }) => {
    const calendar: BusinessCalendar = timer.calendar === '24x7' || !business ? { kind: '24x7' } : business;
    const clock = {
      calendar,
      startedAt: timer.startedAt,
      targetMinutes: timer.targetMinutes,
      pausedSeconds: timer.pausedSeconds,
    };
    return { timer, assigneeUserId, plan: planDueEvents(clock, timer, now) };
  });

  const fresh = await recordFirings(tx, tenantId, planned, now);
  await advanceTimers(tx, tenantId, planned, now);

  const fired: (FiredSlaTimer & { assigneeUserId: string | null })[] = planned.map((p) => ({
    timerId: p.timer.id,
    incidentId: p.timer.incidentId,
    kind: p.timer.kind,
    round: p.timer.round,
    assigneeUserId: p.assigneeUserId,
    events: p.plan.announce.filter((e) => fresh.has(`${p.timer.id}/${e.key}`)),
  }));

  const jobs: JobToEnqueue[] = [];
  const next = planned.flatMap((p) => (p.plan.nextFireAt ? [{ id: p.timer.id, at: p.plan.nextFireAt }] : []));
  if (next.length > 0 && (await jobQueueReady(tx))) {
    for (const n of next) jobs.push(slaFiringJob({ tenantId, timerId: n.id }, n.at));
  }
  for (const f of fired) {
    if (f.events.length === 0) continue;
    const notify: NotifySlaEventsPayload = {
      tenantId,
      timerId: f.timerId,
      round: f.round,
      events: f.events.map((e) => e.key),
    };
    jobs.push({ name: NOTIFY_SLA_EVENTS, data: notify });
  }
  await enqueueMany(tx, jobs);
  await recordTimeline(tx, tenantId, fired, now);
  return fired.map(({ assigneeUserId: _, ...f }) => f);
}

type Planned = { timer: SlaTimer; assigneeUserId: string | null; plan: DuePlan };

/** One insert for every announced event; returns `timerId/event` of the rows that were new. */
async function recordFirings(tx: Tx, tenantId: string, planned: Planned[], now: Date): Promise<Set<string>> {
  const rows = planned.flatMap(({ timer, plan }) =>
    plan.announce.map((e) => ({
      tenantId,
      timerId: timer.id,
      round: timer.round,
      event: e.key,
      dueAt: e.at,
      firedAt: now,
    })),
  );
  if (rows.length === 0) return new Set();
  const recorded = await tx
    .insert(slaTimerFirings)
    .values(rows)
    .onConflictDoNothing()
    .returning({ timerId: slaTimerFirings.timerId, event: slaTimerFirings.event });
  return new Set(recorded.map((r) => `${r.timerId}/${r.event}`));
}

/** One update for every claimed timer, the new progress passed as one JSON parameter. */
async function advanceTimers(tx: Tx, tenantId: string, planned: Planned[], now: Date): Promise<void> {
  const values = planned.map(({ timer, plan }) => {
    const breach = plan.done.find((e) => e.kind === 'breach');
    const warned = new Set([
      ...timer.warnedFractions.map(normalizeFraction),
      ...plan.done.flatMap((e) => (e.kind === 'warning' ? [e.fraction] : [])),
    ]);
    return {
      id: timer.id,
      // A Postgres array literal: json_to_recordset does not build real[] from a JSON array everywhere.
      warned: `{${[...warned].join(',')}}`,
      breached_at: (timer.breachedAt ?? breach?.at ?? null)?.toISOString() ?? null,
      escalation_step: timer.escalationStep + plan.done.filter((e) => e.kind === 'escalation').length,
      next_fire_at: plan.nextFireAt?.toISOString() ?? null,
    };
  });
  const at = now.toISOString();
  await tx.execute(sql`
    update ${slaTimers} set
      warned_fractions = v.warned::real[],
      breached_at = v.breached_at,
      escalation_step = v.escalation_step,
      next_fire_at = v.next_fire_at,
      last_fired_at = ${at}::timestamptz,
      updated_at = ${at}::timestamptz
    from json_to_recordset(${JSON.stringify(values)}::json) as v (
      id uuid, warned text, breached_at timestamptz, escalation_step integer, next_fire_at timestamptz)
    where ${slaTimers.tenantId} = ${tenantId}::uuid and ${slaTimers.id} = v.id`);
}

/** One timeline entry per announced event, one insert (internal: the client sees its SLA in the portal). */
async function recordTimeline(
  tx: Tx,
  tenantId: string,
  fired: readonly (FiredSlaTimer & { assigneeUserId: string | null })[],
  at: Date,
): Promise<void> {
  const rows = fired.flatMap((f) =>
    f.events.map((event, i) => ({
      tenantId,
      incidentId: f.incidentId,
      kind: TIMELINE_KIND[event.kind],
      actorUserId: null,
      data: {
        timer: f.kind,
        timerId: f.timerId,
        event: event.key,
        dueAt: event.at.toISOString(),
        ...(event.kind === 'warning' ? { fraction: event.fraction } : {}),
        ...(event.kind === 'escalation' ? { step: event.step } : {}),
        notify: noticeRecipients(event, f.assigneeUserId),
      },
      clientVisible: false,
      // The timeline sorts by time then a random id: a millisecond apart keeps the firing order.
      at: new Date(at.getTime() + i),
    })),
  );
  if (rows.length > 0) await tx.insert(incidentEvents).values(rows);
}
