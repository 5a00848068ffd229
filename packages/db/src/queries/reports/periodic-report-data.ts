import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import { incidentReference } from '../incidents/incident-reference';
import { type KpiRow, tenantKpis } from '../kpis/tenant-kpis';

export type SlaCompliance = {
  kind: string;
  met: number;
  breached: number;
  running: number;
  compliance: number | null;
};

export type PeriodicReportData = {
  from: Date;
  to: Date;
  total: number;
  bySeverity: { severity: string; count: number }[];
  byStatus: { status: string; count: number }[];
  sla: SlaCompliance[];
  /** Whole-period KPI figures. */
  kpiTotals: KpiRow | null;
  /** KPI per day (weekly report) or per week (longer periods), for the trend charts. */
  kpiTrend: KpiRow[];
  trendBucket: 'day' | 'week';
  topArtifacts: { type: string; value: string; incidents: number; verdict: string | null }[];
  topTechniques: { id: string; name: string; incidents: number }[];
  notable: { reference: string; title: string; severity: string; status: string; createdAt: Date }[];
};

const TOP = 10;

/** The figures of a periodic report: incidents created in [from, to) of one tenant. */
export async function loadPeriodicReportData(
  tx: Tx,
  input: { tenantId: string; from: Date; to: Date; timeZone: string },
): Promise<PeriodicReportData> {
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const inPeriod = sql`i.tenant_id = ${input.tenantId}::uuid and i.created_at >= ${from}::timestamptz and i.created_at < ${to}::timestamptz`;
  const bySeverity = rowsOf<{ severity: string; count: number }>(
    await tx.execute(sql`
      select i.severity::text as severity, count(*)::int as count from public.incidents i where ${inPeriod}
       group by 1 order by array_position(array['critical','high','medium','low','info'], i.severity::text)`),
  ).map((r) => ({ severity: r.severity, count: Number(r.count) }));
  const byStatus = rowsOf<{ status: string; count: number }>(
    await tx.execute(sql`
      select i.status::text as status, count(*)::int as count from public.incidents i where ${inPeriod}
       group by 1 order by array_position(array['new','assigned','in_progress','resolved','closed'], i.status::text)`),
  ).map((r) => ({ status: r.status, count: Number(r.count) }));
  // Met = met_at set and never breached (the SLA contract); breached whenever breached_at is set.
  const sla = rowsOf<{ kind: string; met: number; breached: number; running: number }>(
    await tx.execute(sql`
      select t.kind::text as kind,
             count(*) filter (where t.met_at is not null and t.breached_at is null)::int as met,
             count(*) filter (where t.breached_at is not null)::int as breached,
             count(*) filter (where t.met_at is null and t.breached_at is null)::int as running
        from public.sla_timers t
        join public.incidents i on i.tenant_id = t.tenant_id and i.id = t.incident_id
       where ${inPeriod}
       group by 1 order by 1`),
  ).map((r) => {
    const met = Number(r.met);
    const breached = Number(r.breached);
    return {
      kind: r.kind,
      met,
      breached,
      running: Number(r.running),
      compliance: met + breached > 0 ? met / (met + breached) : null,
    };
  });
  const trendBucket = input.to.getTime() - input.from.getTime() <= 8 * 86_400_000 ? 'day' : 'week';
  const kpiInput = { tenantIds: [input.tenantId], from: input.from, to: input.to, timeZone: input.timeZone };
  const [kpiTotals] = await tenantKpis(tx, kpiInput);
  const kpiTrend = await tenantKpis(tx, { ...kpiInput, groupBy: [trendBucket] });
  const topArtifacts = rowsOf<{ type: string; value: string; incidents: number; verdict: string | null }>(
    await tx.execute(sql`
      select a.type, a.value, count(distinct ia.incident_id)::int as incidents, e.verdict
        from public.incident_artifacts ia
        join public.incidents i on i.tenant_id = ia.tenant_id and i.id = ia.incident_id
        join public.artifacts a on a.tenant_id = ia.tenant_id and a.id = ia.artifact_id
        left join public.artifact_enrichments e on e.tenant_id = a.tenant_id and e.artifact_id = a.id
       where ${inPeriod}
       group by a.id, a.type, a.value, e.verdict
       order by 3 desc, a.type, a.value
       limit ${TOP}`),
  ).map((r) => ({ ...r, incidents: Number(r.incidents) }));
  const topTechniques = rowsOf<{ id: string; name: string; incidents: number }>(
    await tx.execute(sql`
      select t ->> 'id' as id, min(t ->> 'name') as name, count(distinct i.id)::int as incidents
        from public.incidents i
        join public.incident_enrichments ie on ie.tenant_id = i.tenant_id and ie.incident_id = i.id
        cross join lateral jsonb_array_elements(case when jsonb_typeof(ie.techniques) = 'array' then ie.techniques else '[]'::jsonb end) t
       where ${inPeriod} and t ->> 'id' is not null
       group by 1 order by 3 desc, 1
       limit ${TOP}`),
  ).map((r) => ({ ...r, incidents: Number(r.incidents) }));
  const notable = rowsOf<{
    number: number;
    title: string;
    severity: string;
    status: string;
    created_at: string | Date;
  }>(
    await tx.execute(sql`
      select i.number, i.title, i.severity::text as severity, i.status::text as status, i.created_at
        from public.incidents i
       where ${inPeriod} and i.severity in ('critical', 'high')
       order by array_position(array['critical','high'], i.severity::text), i.created_at
       limit ${TOP}`),
  ).map((r) => ({
    reference: incidentReference(Number(r.number)),
    title: r.title,
    severity: r.severity,
    status: r.status,
    createdAt: new Date(r.created_at),
  }));
  return {
    from: input.from,
    to: input.to,
    total: bySeverity.reduce((a, r) => a + r.count, 0),
    bySeverity,
    byStatus,
    sla,
    kpiTotals: kpiTotals ?? null,
    kpiTrend,
    trendBucket,
    topArtifacts,
    topTechniques,
    notable,
  };
}
