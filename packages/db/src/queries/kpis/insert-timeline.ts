import type { Db, Tx } from '../../database';
import {
  type IncidentEventKind,
  type IncidentStatus,
  incidentEvents,
  incidents,
  type Severity,
  type SlaTimerKind,
  type SlaTimerState,
  slaTimerFirings,
  slaTimers,
} from '../../schema/index';

/**
 * An incident with a given timeline: tests check KPI figures against it exactly, and the demo seed
 * writes a history with it.
 */
export type TimelineIncident = {
  number: number;
  title?: string;
  /** Marks seeded rows (the demo history finds its own by it). */
  groupKey?: string;
  severity: Severity;
  /** The state the timeline leaves it in. */
  status: IncidentStatus;
  assigneeUserId: string | null;
  createdAt: Date;
  events: { kind: IncidentEventKind; at: Date; actorUserId: string | null; data: Record<string, unknown> }[];
  /** SLA timers as the SLA worker leaves them; `breachRounds` adds a `breach` firing per round. */
  sla?: {
    kind: SlaTimerKind;
    state: SlaTimerState;
    targetMinutes: number;
    metAt?: Date;
    breachedAt?: Date;
    round?: number;
    breachRounds?: number[];
    /** Time the clock stood paused (it moves the deadline by as much). */
    pausedSeconds?: number;
  }[];
};

const PRIORITY = { critical: 'p1', high: 'p2', medium: 'p3', low: 'p4', info: 'p4' } as const;

/**
 * Writes incidents and their timelines as given (owner connection or a tx scoped to the tenant).
 * Returns the new incident ids in input order.
 */
export async function insertTimeline(
  on: Db | Tx,
  tenantId: string,
  list: TimelineIncident[],
): Promise<string[]> {
  const ids = list.map(() => crypto.randomUUID());
  await on.insert(incidents).values(
    list.map((inc, n) => ({
      tenantId,
      id: ids[n] as string,
      number: inc.number,
      title: inc.title ?? `KPI fixture ${inc.number}`,
      groupKey: inc.groupKey ?? null,
      status: inc.status,
      severity: inc.severity,
      priority: PRIORITY[inc.severity],
      assigneeUserId: inc.assigneeUserId,
      firstAlertAt: inc.createdAt,
      lastAlertAt: inc.createdAt,
      createdAt: inc.createdAt,
      updatedAt: inc.createdAt,
      ...incidentInstants(inc),
    })),
  );
  const events = list.flatMap((inc, n) =>
    [{ kind: 'created' as const, at: inc.createdAt, actorUserId: null, data: {} }, ...inc.events].map(
      (e) => ({ tenantId, incidentId: ids[n] as string, ...e }),
    ),
  );
  await on.insert(incidentEvents).values(events);
  for (const [n, inc] of list.entries()) {
    for (const timer of inc.sla ?? []) {
      const timerId = crypto.randomUUID();
      const paused = timer.pausedSeconds ?? 0;
      const dueAt = new Date(inc.createdAt.getTime() + timer.targetMinutes * 60_000 + paused * 1000);
      await on.insert(slaTimers).values({
        tenantId,
        id: timerId,
        incidentId: ids[n] as string,
        kind: timer.kind,
        state: timer.state,
        severity: inc.severity,
        calendar: '24x7',
        targetMinutes: timer.targetMinutes,
        startedAt: inc.createdAt,
        dueAt,
        warningFractions: [],
        escalation: [],
        round: timer.round ?? 0,
        metAt: timer.metAt ?? null,
        breachedAt: timer.breachedAt ?? null,
        pausedSeconds: paused,
      });
      for (const round of timer.breachRounds ?? []) {
        await on
          .insert(slaTimerFirings)
          .values({ tenantId, timerId, event: 'breach', dueAt, firedAt: dueAt, round });
      }
    }
  }
  return ids;
}

/** The incident row's own assigned/resolved columns, as the status changes would have left them. */
function incidentInstants(inc: TimelineIncident): { assignedAt: Date | null; resolvedAt: Date | null } {
  const last = (match: (e: TimelineIncident['events'][number]) => boolean) =>
    inc.events.filter(match).reduce<Date | null>((max, e) => (max && max > e.at ? max : e.at), null);
  return {
    assignedAt: inc.assigneeUserId
      ? last((e) => e.kind === 'assigned' && e.data.to === inc.assigneeUserId)
      : null,
    resolvedAt:
      inc.status === 'resolved' || inc.status === 'closed'
        ? last((e) => e.kind === 'status_changed' && (e.data.to === 'resolved' || e.data.to === 'closed'))
        : null,
  };
}
