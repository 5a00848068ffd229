import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import type { IncidentStatus, Severity, SlaTimerKind, SlaTimerState } from '../../schema/index';
import { incidentReference } from '../incidents/incident-reference';

/** One clock as the UI shows it (a countdown from `dueAt`, frozen while paused). */
export type SlaClock = {
  timerId: string;
  tenantId: string;
  incidentId: string;
  kind: SlaTimerKind;
  state: SlaTimerState;
  dueAt: Date;
  pausedAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
  targetMinutes: number;
  calendar: '24x7' | 'business_hours';
};

const CLOCK_COLUMNS = sql`t.id::text as timer_id, t.tenant_id::text as tenant_id, t.incident_id::text as incident_id,
  t.kind::text as kind, t.state::text as state, t.due_at, t.paused_at, t.met_at, t.breached_at, t.target_minutes,
  t.calendar::text as calendar`;

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function toClock(r: Record<string, unknown>): SlaClock {
  return {
    timerId: String(r.timer_id),
    tenantId: String(r.tenant_id),
    incidentId: String(r.incident_id),
    kind: r.kind as SlaTimerKind,
    state: r.state as SlaTimerState,
    dueAt: new Date(r.due_at as string),
    pausedAt: date(r.paused_at),
    metAt: date(r.met_at),
    breachedAt: date(r.breached_at),
    targetMinutes: Number(r.target_minutes),
    calendar: r.calendar as SlaClock['calendar'],
  };
}

/** The SLA clocks of some incidents (of the scope: RLS hides the rest), current round only. */
export async function listIncidentClocks(tx: Tx, incidentIds: readonly string[]): Promise<SlaClock[]> {
  if (incidentIds.length === 0) return [];
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select ${CLOCK_COLUMNS} from public.sla_timers t
       where t.incident_id = any (${`{${incidentIds.join(',')}}`}::uuid[])
       order by t.incident_id, t.kind`),
  );
  return rows.map(toClock);
}

export type SlaStatus = {
  open: (SlaClock & { reference: string; title: string; severity: Severity; status: IncidentStatus })[];
  breaches: (SlaClock & { reference: string; title: string; severity: Severity })[];
  /** Clocks started in the period, per kind: met (in time), breached, still running. */
  compliance: Record<SlaTimerKind, { met: number; breached: number; running: number; rate: number | null }>;
  periodDays: number;
};

/**
 * A tenant's SLA at a glance (the portal's page): open incidents with their clocks, breaches of the
 * period, and compliance = met in time / (met in time + breached) per kind, over clocks started in
 * the last `days` days. Running clocks without a breach are not counted either way yet.
 */
export async function slaStatus(tx: Tx, tenantId: string, days = 30): Promise<SlaStatus> {
  const t = sql`${tenantId}::uuid`;
  const since = sql`now() - make_interval(days => ${days})`;
  const open = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select ${CLOCK_COLUMNS}, i.number, i.title, i.severity::text as severity, i.status::text as status
        from public.sla_timers t join public.incidents i on i.tenant_id = t.tenant_id and i.id = t.incident_id
       where t.tenant_id = ${t} and t.state in ('running', 'paused')
       order by t.due_at limit 200`),
  );
  const breaches = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select ${CLOCK_COLUMNS}, i.number, i.title, i.severity::text as severity
        from public.sla_timers t join public.incidents i on i.tenant_id = t.tenant_id and i.id = t.incident_id
       where t.tenant_id = ${t} and t.breached_at >= ${since}
       order by t.breached_at desc limit 50`),
  );
  const counts = rowsOf<{ kind: SlaTimerKind; met: number; breached: number; running: number }>(
    await tx.execute(sql`
      select kind::text as kind,
             count(*) filter (where met_at is not null and breached_at is null)::int as met,
             count(*) filter (where breached_at is not null)::int as breached,
             count(*) filter (where state in ('running', 'paused') and breached_at is null)::int as running
        from public.sla_timers
       where tenant_id = ${t} and started_at >= ${since} and state <> 'stopped'
       group by kind`),
  );
  const compliance = {} as SlaStatus['compliance'];
  for (const kind of ['assign', 'resolve'] as const) {
    const c = counts.find((r) => r.kind === kind) ?? { met: 0, breached: 0, running: 0 };
    const decided = Number(c.met) + Number(c.breached);
    compliance[kind] = {
      met: Number(c.met),
      breached: Number(c.breached),
      running: Number(c.running),
      rate: decided === 0 ? null : Number(c.met) / decided,
    };
  }
  const withIncident = (r: Record<string, unknown>) => ({
    ...toClock(r),
    reference: incidentReference(Number(r.number)),
    title: String(r.title),
    severity: r.severity as Severity,
  });
  return {
    open: open.map((r) => ({ ...withIncident(r), status: r.status as IncidentStatus })),
    breaches: breaches.map(withIncident),
    compliance,
    periodDays: days,
  };
}
