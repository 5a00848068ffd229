import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import { type Severity, severityLevel } from '../../schema/index';
import { uuidArray } from '../ingest/uuid-array';
import { incidentTimings, OPEN_STATUS, withoutJit } from './incident-timings';
import { KpiTimeZone } from './kpi-time-zone';

export const KPI_DIMENSIONS = ['tenant', 'severity', 'analyst'] as const;
export const KPI_PERIODS = ['day', 'week', 'month'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
export type KpiPeriod = (typeof KPI_PERIODS)[number];

/** The filters and grouping every KPI view takes; callers add their tenant choice. */
export const KpiFilters = z.object({
  /** Incidents created in [from, to). */
  from: z.coerce.date(),
  to: z.coerce.date(),
  /** Rows per combination of these; at most one period (buckets of the creation time). None: one total row. */
  groupBy: z
    .array(z.enum([...KPI_DIMENSIONS, ...KPI_PERIODS]))
    .max(4)
    .default([])
    .refine((g) => new Set(g).size === g.length, 'groupBy lists a dimension twice')
    .refine((g) => g.filter((d) => isPeriod(d)).length <= 1, 'groupBy takes at most one period'),
  severity: z.array(z.enum(severityLevel.enumValues)).max(5).optional(),
  /** The incident's current assignee, or `unassigned`. */
  analystUserId: z.union([z.literal('unassigned'), z.uuid()]).optional(),
  /** Day/week/month buckets start at local midnight (weeks on Monday) in this zone. */
  timeZone: KpiTimeZone.default('UTC'),
});

/** Longest range one request may cover (keeps day buckets and the scan bounded). */
export const MAX_KPI_RANGE_DAYS = 1100;

/** The range check KpiFilters' users apply after extending it (a refined object cannot be extended). */
export function checkKpiRange(p: { from: Date; to: Date }, ctx: z.RefinementCtx): void {
  if (p.from >= p.to) ctx.addIssue({ code: 'custom', message: 'from must be before to', path: ['to'] });
  else if (p.to.getTime() - p.from.getTime() > MAX_KPI_RANGE_DAYS * 86_400_000) {
    ctx.addIssue({
      code: 'custom',
      message: `the range spans more than ${MAX_KPI_RANGE_DAYS} days`,
      path: ['from'],
    });
  }
}

export const TenantKpisInput = KpiFilters.extend({
  /** Narrow to these tenants; RLS keeps the result inside the transaction's scope regardless. */
  tenantIds: z.array(z.uuid()).max(10_000).optional(),
}).superRefine(checkKpiRange);
export type TenantKpisInput = z.input<typeof TenantKpisInput>;

/** Seconds; null when no incident of the group reached that point. */
export type KpiDurationStats = {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
};

/**
 * SLA timers of the group's incidents by outcome; compliance = met / (met + breached), null when
 * none has an outcome yet (running timers are not counted either way).
 */
export type KpiSlaStats = { met: number; breached: number; running: number; compliance: number | null };

export type KpiRow = {
  /** The grouped-by keys; null when not grouped by it (or, for analyst, unassigned). */
  tenantId: string | null;
  tenantName: string | null;
  severity: Severity | null;
  analystUserId: string | null;
  analystName: string | null;
  /** First day of the bucket, `YYYY-MM-DD` in the input's time zone. */
  period: string | null;
  incidents: number;
  open: number;
  resolved: number;
  reopened: number;
  timeToAssign: KpiDurationStats;
  timeToFirstResponse: KpiDurationStats;
  timeToResolve: KpiDurationStats;
  /** Time to resolve minus the time spent waiting on the client (as the SLA clock counts it). */
  timeToResolveNet: KpiDurationStats;
  slaAssign: KpiSlaStats;
  slaResolve: KpiSlaStats;
};

function isPeriod(d: string): d is KpiPeriod {
  return (KPI_PERIODS as readonly string[]).includes(d);
}

/**
 * KPI figures over incidents created in [from, to), per tenant, severity, analyst and period as
 * asked: count, mean, median and p90 of time to assign, first response and resolve. Formulas in
 * docs/kpis.md; the per-incident instants come from incidentTimings.
 */
export async function tenantKpis(tx: Tx, input: TenantKpisInput): Promise<KpiRow[]> {
  const p = TenantKpisInput.parse(input);
  const where: SQL[] = [
    sql`i.created_at >= ${p.from.toISOString()}::timestamptz`,
    sql`i.created_at < ${p.to.toISOString()}::timestamptz`,
  ];
  if (p.tenantIds) where.push(sql`i.tenant_id = any (${uuidArray(p.tenantIds)}::uuid[])`);
  if (p.severity?.length) where.push(sql`i.severity::text = any (${`{${p.severity.join(',')}}`}::text[])`);
  if (p.analystUserId === 'unassigned') where.push(sql`i.assignee_user_id is null`);
  else if (p.analystUserId) where.push(sql`i.assignee_user_id = ${p.analystUserId}::uuid`);

  await withoutJit(tx);
  const period = p.groupBy.find(isPeriod);
  const by = new Set(p.groupBy);
  // Dimensions not asked for are a constant null, so grouping by all four always works; keys are
  // computed once in `k` (a parameter in both the select list and GROUP BY would be two parameters).
  const rows = rowsOf<RawRow>(
    await tx.execute(sql`
      with k as (
        select f.*,
          ${by.has('tenant') ? sql`f.tenant_id` : sql`null::uuid`} as k_tenant_id,
          ${by.has('severity') ? sql`f.severity` : sql`null::text`} as k_severity,
          ${by.has('analyst') ? sql`f.assignee_user_id` : sql`null::uuid`} as k_analyst_user_id,
          ${
            period
              ? sql`to_char(date_trunc(${period}, f.created_at at time zone ${p.timeZone}), 'YYYY-MM-DD')`
              : sql`null::text`
          } as k_period
        from (${incidentTimings(sql.join(where, sql` and `))}) f
      ),
      agg as (
        select
          k_tenant_id, k_severity, k_analyst_user_id, k_period,
          count(*)::int as incidents,
          count(*) filter (where status ${OPEN_STATUS})::int as open,
          count(resolved_at)::int as resolved,
          count(*) filter (where reopen_count > 0)::int as reopened,
          ${durationStats('assign')},
          ${durationStats('response')},
          ${durationStats('resolve')},
          ${durationStats('resolve_net')},
          ${slaStats('assign')},
          ${slaStats('resolve')}
        from k
        group by k_tenant_id, k_severity, k_analyst_user_id, k_period
      )
      select agg.*, t.name as tenant_name, u.name as analyst_name
      from agg
      left join public.tenants t on t.id = agg.k_tenant_id
      left join public.users u on u.id = agg.k_analyst_user_id
      order by agg.k_period nulls first, t.name nulls first, agg.k_tenant_id,
        u.name nulls first, agg.k_analyst_user_id,
        array_position(array['critical', 'high', 'medium', 'low', 'info'], agg.k_severity)`),
  );
  return rows.map(toKpiRow);
}

/** count, mean, median, p90 of `<name>_seconds` (percentile_cont interpolates; nulls are skipped). */
function durationStats(name: Measure): SQL {
  const c = sql.identifier(`${name}_seconds`);
  return sql`count(${c})::int as ${sql.identifier(`${name}_n`)},
    avg(${c})::float8 as ${sql.identifier(`${name}_mean`)},
    percentile_cont(0.5) within group (order by ${c})::float8 as ${sql.identifier(`${name}_median`)},
    percentile_cont(0.9) within group (order by ${c})::float8 as ${sql.identifier(`${name}_p90`)}`;
}

/** Timers per outcome (see incidentTimings' assign_sla / resolve_sla). */
function slaStats(kind: 'assign' | 'resolve'): SQL {
  const c = sql.identifier(`${kind}_sla`);
  return sql.join(
    (['met', 'breached', 'running'] as const).map(
      (outcome) =>
        sql`count(*) filter (where ${c} = ${outcome})::int as ${sql.identifier(`sla_${kind}_${outcome}`)}`,
    ),
    sql`, `,
  );
}

type Measure = 'assign' | 'response' | 'resolve' | 'resolve_net';
type Stat = 'n' | 'mean' | 'median' | 'p90';
type RawRow = {
  k_tenant_id: string | null;
  k_severity: Severity | null;
  k_analyst_user_id: string | null;
  k_period: string | null;
  tenant_name: string | null;
  analyst_name: string | null;
  incidents: number;
  open: number;
  resolved: number;
  reopened: number;
} & Record<`${Measure}_${Stat}`, number | string | null> &
  Record<`sla_${'assign' | 'resolve'}_${'met' | 'breached' | 'running'}`, number>;

// postgres.js and PGlite both return int4/float8 as numbers; Number() guards a driver returning text.
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function statsOf(r: RawRow, name: Measure): KpiDurationStats {
  return {
    count: num(r[`${name}_n`]) ?? 0,
    mean: num(r[`${name}_mean`]),
    median: num(r[`${name}_median`]),
    p90: num(r[`${name}_p90`]),
  };
}

function slaOf(r: RawRow, kind: 'assign' | 'resolve'): KpiSlaStats {
  const met = Number(r[`sla_${kind}_met`]);
  const breached = Number(r[`sla_${kind}_breached`]);
  const running = Number(r[`sla_${kind}_running`]);
  return { met, breached, running, compliance: met + breached > 0 ? met / (met + breached) : null };
}

function toKpiRow(r: RawRow): KpiRow {
  return {
    tenantId: r.k_tenant_id,
    tenantName: r.tenant_name,
    severity: r.k_severity,
    analystUserId: r.k_analyst_user_id,
    analystName: r.analyst_name,
    period: r.k_period,
    incidents: Number(r.incidents),
    open: Number(r.open),
    resolved: Number(r.resolved),
    reopened: Number(r.reopened),
    timeToAssign: statsOf(r, 'assign'),
    timeToFirstResponse: statsOf(r, 'response'),
    timeToResolve: statsOf(r, 'resolve'),
    timeToResolveNet: statsOf(r, 'resolve_net'),
    slaAssign: slaOf(r, 'assign'),
    slaResolve: slaOf(r, 'resolve'),
  };
}
