import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { rowsOf } from '../../rows';
import {
  type IncidentStatus,
  incidents,
  type Severity,
  type SlaTimer,
  type SlaTimerKind,
  slaTimerKind,
  slaTimers,
} from '../../schema/index';
import { calendarSecondsBetween } from './business-calendar';
import { DEFAULT_WEEKLY_HOURS } from './default-policies';
import { calendarOf, loadSlaPolicies, loadTenantCalendar, type TenantCalendar } from './load-sla-config';
import { scheduleSlaFiring } from './schedule-sla-firing';
import { dueAtOf, pendingEvents, type TimerClock } from './timer-schedule';

const DONE: readonly IncidentStatus[] = ['resolved', 'closed'];

/** Stands in for the tenant calendar when every clock involved is 24x7 (calendarOf never reads it then). */
const UNUSED_CALENDAR: TenantCalendar = {
  kind: 'business_hours',
  timezone: 'UTC',
  weeklyHours: DEFAULT_WEEKLY_HOURS,
  holidays: new Set(),
  custom: false,
};

/** A playbook's sla.start: restart clocks it had stopped, optionally on another severity's policy. */
export type SlaStart = { severity?: Severity | undefined };

type IncidentFacts = {
  status: IncidentStatus;
  severity: SlaTimer['severity'];
  assigneeUserId: string | null;
  createdAt: Date;
};

/** Whether the timer's goal is reached: someone owns it (or it is already done) / it is done. */
function goalReached(kind: SlaTimerKind, incident: IncidentFacts): boolean {
  const done = DONE.includes(incident.status);
  return kind === 'assign' ? done || incident.assigneeUserId !== null : done;
}

/**
 * Brings the incident's SLA timers in line with the incident, in the caller's transaction (every
 * incident change calls it): creates them from the tenant's policy for the severity, meets them
 * (assigned → assign; resolved/closed → resolve), pauses them while the incident waits on the client
 * and resumes after, restarts the resolve clock on a reopen, recomputes deadlines when the severity
 * (policy) changed, and schedules a delayed firing job whenever the next due moment moves.
 */
export async function reconcileIncidentSla(
  tx: Tx,
  tenantId: string,
  incidentId: string,
  now: Date = new Date(),
  start?: SlaStart,
): Promise<SlaTimer[]> {
  const [incident] = await tx
    .select({
      status: incidents.status,
      severity: incidents.severity,
      assigneeUserId: incidents.assigneeUserId,
      createdAt: incidents.createdAt,
    })
    .from(incidents)
    .where(and(eq(incidents.tenantId, tenantId), eq(incidents.id, incidentId)));
  if (!incident) throw new NotFoundError('incident not found');
  const existing = await tx
    .select()
    .from(slaTimers)
    .where(and(eq(slaTimers.tenantId, tenantId), eq(slaTimers.incidentId, incidentId)))
    .for('update');
  const policies = await loadSlaPolicies(tx, tenantId);
  // Reconciles run on every incident change (and every alert that joins one): read the business
  // calendar only when a clock here counts business hours.
  const severities = new Set([
    start?.severity,
    incident.severity,
    ...existing.map((t) => t.severityOverride),
  ]);
  const businessHours =
    existing.some((t) => t.calendar === 'business_hours') ||
    policies.some((p) => severities.has(p.severity) && p.calendar === 'business_hours');
  const tenantCalendar = businessHours ? await loadTenantCalendar(tx, tenantId) : UNUSED_CALENDAR;

  const result: SlaTimer[] = [];
  for (const kind of slaTimerKind.enumValues) {
    const timer = existing.find((t) => t.kind === kind);
    // Naming the incident's own severity (the master playbook does) is no override: later severity
    // changes must still re-evaluate the deadlines.
    const asked = start?.severity && start.severity !== incident.severity ? start.severity : null;
    const override = start ? asked : (timer?.severityOverride ?? null);
    const severity = override ?? incident.severity;
    const policy = policies.find((p) => p.severity === severity);
    const minutes = policy?.enabled
      ? kind === 'assign'
        ? policy.assignMinutes
        : policy.resolveMinutes
      : null;
    if (!policy || (!timer && minutes === null)) continue;
    if (timer?.state === 'stopped' && timer.stoppedReason === 'playbook' && !start) {
      result.push(timer);
      continue;
    }

    const reached = goalReached(kind, incident);
    const next: Omit<SlaTimer, 'id' | 'updatedAt'> = timer
      ? { ...timer }
      : {
          tenantId,
          incidentId,
          kind,
          state: 'running',
          severity,
          severityOverride: override,
          calendar: policy.calendar,
          targetMinutes: minutes ?? 1,
          startedAt: incident.createdAt,
          dueAt: incident.createdAt,
          pausedAt: null,
          pausedSeconds: 0,
          warningFractions: policy.warningFractions,
          warnedFractions: [],
          escalation: [],
          round: 0,
          escalationStep: 0,
          metAt: null,
          breachedAt: null,
          stoppedAt: null,
          stoppedReason: null,
          nextFireAt: null,
          lastFiredAt: null,
        };

    if (minutes === null) {
      // The severity now has no target of this kind: the clock stops, to start again if it regains one.
      if (next.state === 'running' || next.state === 'paused') {
        Object.assign(next, { state: 'stopped', stoppedAt: now, stoppedReason: 'no_policy', pausedAt: null });
      }
    } else {
      if (next.state === 'stopped')
        Object.assign(next, { state: 'running', stoppedAt: null, stoppedReason: null });
      if (next.state === 'met' && !reached) {
        // A reopen: the resolve clock starts a new round from now (an unassign keeps a met assign SLA).
        if (kind === 'resolve') {
          Object.assign(next, {
            state: 'running',
            round: next.round + 1,
            startedAt: now,
            pausedAt: null,
            pausedSeconds: 0,
            warnedFractions: [],
            escalationStep: 0,
            metAt: null,
            breachedAt: null,
          });
        }
      }
      // Policy snapshot: a severity or policy change re-evaluates the deadline from the same start.
      Object.assign(next, {
        severity,
        severityOverride: override,
        calendar: policy.calendar,
        targetMinutes: minutes,
        warningFractions: policy.warningFractions,
        escalation: policy.escalation.filter((s) => s.timer === kind),
      });
      const waiting = incident.status === 'waiting_on_client';
      if (next.state === 'paused' && (!waiting || reached)) {
        const calendar = calendarOf(next.calendar, tenantCalendar);
        const paused = next.pausedAt ? calendarSecondsBetween(calendar, next.pausedAt, now) : 0;
        Object.assign(next, {
          state: 'running',
          pausedAt: null,
          pausedSeconds: next.pausedSeconds + Math.round(paused),
        });
      }
      next.dueAt = dueAtOf(clockOf(next, tenantCalendar));
      if (next.state === 'running' && reached) {
        Object.assign(next, {
          state: 'met',
          metAt: now,
          // Met after the deadline is a breach even if its notice had not fired yet.
          breachedAt: next.breachedAt ?? (now > next.dueAt ? next.dueAt : null),
        });
      } else if (next.state === 'running' && waiting) {
        Object.assign(next, { state: 'paused', pausedAt: now });
      }
    }

    next.nextFireAt =
      next.state === 'running' ? (pendingEvents(clockOf(next, tenantCalendar), next)[0]?.at ?? null) : null;

    const saved = await save(tx, timer, next, now);
    if (saved.nextFireAt && saved.nextFireAt.getTime() !== timer?.nextFireAt?.getTime()) {
      await scheduleSlaFiring(tx, { tenantId, timerId: saved.id }, saved.nextFireAt);
    }
    result.push(saved);
  }
  return result;
}

function clockOf(
  timer: Pick<SlaTimer, 'calendar' | 'startedAt' | 'targetMinutes' | 'pausedSeconds'>,
  tenantCalendar: TenantCalendar,
): TimerClock {
  return {
    calendar: calendarOf(timer.calendar, tenantCalendar),
    startedAt: timer.startedAt,
    targetMinutes: timer.targetMinutes,
    pausedSeconds: timer.pausedSeconds,
  };
}

async function save(
  tx: Tx,
  before: SlaTimer | undefined,
  next: Omit<SlaTimer, 'id' | 'updatedAt'>,
  now: Date,
): Promise<SlaTimer> {
  if (!before) {
    const [row] = await tx.insert(slaTimers).values(next).returning();
    return row as SlaTimer;
  }
  if (sameTimer(before, next)) return before;
  const { tenantId, incidentId, kind, ...changes } = next;
  // `next` was spread from the stored row: keys and the stamp are not for SET.
  delete (changes as Partial<SlaTimer>).id;
  delete (changes as Partial<SlaTimer>).updatedAt;
  const [row] = await tx
    .update(slaTimers)
    .set({ ...changes, updatedAt: now })
    .where(
      and(
        eq(slaTimers.tenantId, tenantId),
        eq(slaTimers.id, before.id),
        eq(slaTimers.incidentId, incidentId),
        eq(slaTimers.kind, kind),
      ),
    )
    .returning();
  return row as SlaTimer;
}

/** Nothing to write (most reconciles of an incident whose alerts keep arriving). */
function sameTimer(before: SlaTimer, next: Omit<SlaTimer, 'id' | 'updatedAt'>): boolean {
  const { id: _id, updatedAt: _u, ...stored } = before;
  const { id: _nid, updatedAt: _nu, ...wanted } = next as SlaTimer;
  return JSON.stringify(stored) === JSON.stringify({ ...stored, ...wanted });
}

/**
 * Of incidents that alerts just joined, those whose clocks may have to move: their severity no
 * longer matches their timers' policy severity (a joining alert raised it), or they have no timers
 * yet. One query instead of a full reconcile per incident inside a flood's transaction.
 */
export async function incidentsNeedingSla(tx: Tx, tenantId: string, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return [];
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select i.id::text as id from public.incidents i
       where i.tenant_id = ${tenantId}::uuid and i.id = any (${`{${incidentIds.join(',')}}`}::uuid[])
         and (not exists (select 1 from public.sla_timers t where t.tenant_id = i.tenant_id and t.incident_id = i.id)
              or exists (select 1 from public.sla_timers t where t.tenant_id = i.tenant_id and t.incident_id = i.id
                          and t.severity_override is null and t.severity <> i.severity))`),
  );
  return rows.map((r) => r.id);
}
