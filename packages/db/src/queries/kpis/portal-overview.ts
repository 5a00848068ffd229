import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import type { ReportKind, Severity } from '../../schema/index';
import { emptySeverityCounts, type SeverityCounts } from './console-overview';
import { incidentTimings, OPEN_STATUS } from './incident-timings';
import { KpiTimeZone } from './kpi-time-zone';

export type PortalOverview = {
  openBySeverity: SeverityCounts;
  openTotal: number;
  /** Open incidents parked in `waiting_on_client`: the MSSP waits on the client's answer. */
  awaitingClient: number;
  /** Start of the current month in the tenant's time zone. */
  monthStart: Date;
  /** Incidents resolved (or closed) since monthStart that are still resolved. */
  resolvedThisMonth: number;
  /** SLA clocks of open incidents right now. */
  sla: { running: number; paused: number; breached: number };
  latestReports: { id: string; title: string; kind: ReportKind; completedAt: Date }[];
};

/** The client's landing figures for its one tenant (the transaction's scope) at `now`. */
export async function portalOverview(
  tx: Tx,
  input: { now: Date; timeZone: string; reports?: number },
): Promise<PortalOverview> {
  const timeZone = KpiTimeZone.parse(input.timeZone);
  const [month] = rowsOf<{ start: Date | string }>(
    await tx.execute(sql`
      select date_trunc('month', ${input.now.toISOString()}::timestamptz at time zone ${timeZone})
        at time zone ${timeZone} as start`),
  );
  const monthStart = new Date(month?.start ?? input.now);
  const open = rowsOf<{ severity: Severity; n: number; waiting: number }>(
    await tx.execute(sql`
      select severity::text as severity, count(*)::int as n,
        count(*) filter (where status = 'waiting_on_client')::int as waiting
      from public.incidents
      where status ${OPEN_STATUS}
      group by severity`),
  );
  const openBySeverity = emptySeverityCounts();
  for (const r of open) openBySeverity[r.severity] = Number(r.n);
  const awaitingClient = open.reduce((sum, r) => sum + Number(r.waiting), 0);

  const [clocks] = rowsOf<{ running: number; paused: number; breached: number }>(
    await tx.execute(sql`
      select
        count(*) filter (where st.state = 'running')::int as running,
        count(*) filter (where st.state = 'paused')::int as paused,
        count(*) filter (where st.breached_at is not null)::int as breached
      from public.sla_timers st
      join public.incidents i on i.tenant_id = st.tenant_id and i.id = st.incident_id
      where i.status ${OPEN_STATUS} and st.state in ('running', 'paused')`),
  );

  const [resolved] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int as n
      from (${incidentTimings(sql`i.status in ('resolved', 'closed')`)}) f
      where f.final_resolved_at >= ${monthStart.toISOString()}::timestamptz`),
  );

  const reports = rowsOf<{ id: string; title: string; kind: ReportKind; completed_at: Date | string }>(
    await tx.execute(sql`
      select id, title, kind::text as kind, completed_at from public.reports
      where status = 'ready'
      order by completed_at desc, id
      limit ${input.reports ?? 5}`),
  );

  return {
    openBySeverity,
    openTotal: Object.values(openBySeverity).reduce((a, b) => a + b, 0),
    awaitingClient,
    monthStart,
    resolvedThisMonth: Number(resolved?.n ?? 0),
    sla: {
      running: Number(clocks?.running ?? 0),
      paused: Number(clocks?.paused ?? 0),
      breached: Number(clocks?.breached ?? 0),
    },
    latestReports: reports.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      completedAt: new Date(r.completed_at),
    })),
  };
}
