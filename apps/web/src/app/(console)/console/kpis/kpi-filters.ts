import { KPI_PERIODS, type KpiPeriod } from '@palisade/db/queries/kpis/tenant-kpis';
import { type Severity, severityLevel } from '@palisade/db/schema';
import { z } from 'zod';
import type { KpiQueryInput } from '@/server/routers/kpis/query.schema';

/** Which measure the charts plot. */
export const KPI_METRICS = [
  'timeToAssign',
  'timeToFirstResponse',
  'timeToResolve',
  'timeToResolveNet',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];
export const METRIC_LABEL: Record<KpiMetric, string> = {
  timeToAssign: 'Time to assign',
  timeToFirstResponse: 'Time to first response',
  timeToResolve: 'Time to resolve',
  timeToResolveNet: 'Time to resolve (without client wait)',
};

/** The table's (and the CSV's) breakdown. */
export const KPI_BREAKDOWNS = ['tenant', 'analyst', 'severity'] as const;
export type KpiBreakdown = (typeof KPI_BREAKDOWNS)[number];

/** The dashboard's state; it lives in the URL so a view can be shared and survives a reload. */
export type KpiDashboardState = {
  tenantId?: string;
  severity?: Severity[];
  analystUserId?: 'unassigned' | string;
  /** Inclusive days, `YYYY-MM-DD` (UTC). */
  from: string;
  to: string;
  period: KpiPeriod;
  breakdown: KpiBreakdown;
  metric: KpiMetric;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string | null): s is string => s !== null && DAY.test(s) && !Number.isNaN(Date.parse(s));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** Last 90 days by week unless the URL says otherwise; a bad parameter falls back to its default alone. */
export function parseKpiState(params: URLSearchParams, today: Date): KpiDashboardState {
  const to = isDay(params.get('to')) ? (params.get('to') as string) : isoDay(today);
  const fromParam = params.get('from');
  const from = isDay(fromParam) && fromParam <= to ? fromParam : addDays(to, -89);
  const severity = (params.get('severity') ?? '')
    .split(',')
    .filter((s): s is Severity => (severityLevel.enumValues as readonly string[]).includes(s));
  const tenant = z.uuid().safeParse(params.get('tenant'));
  const analyst = z.union([z.literal('unassigned'), z.uuid()]).safeParse(params.get('analyst'));
  return {
    ...(tenant.success ? { tenantId: tenant.data } : {}),
    ...(severity.length ? { severity: [...new Set(severity)] } : {}),
    ...(analyst.success ? { analystUserId: analyst.data } : {}),
    from,
    to,
    period: z.enum(KPI_PERIODS).catch('week').parse(params.get('period')),
    breakdown: z.enum(KPI_BREAKDOWNS).catch('tenant').parse(params.get('by')),
    metric: z.enum(KPI_METRICS).catch('timeToResolve').parse(params.get('metric')),
  };
}

/** Writes the state back, leaving out the defaults that need no parameter. */
export function kpiSearch(state: KpiDashboardState): string {
  const out = new URLSearchParams();
  if (state.tenantId) out.set('tenant', state.tenantId);
  if (state.severity?.length) out.set('severity', state.severity.join(','));
  if (state.analystUserId) out.set('analyst', state.analystUserId);
  out.set('from', state.from);
  out.set('to', state.to);
  if (state.period !== 'week') out.set('period', state.period);
  if (state.breakdown !== 'tenant') out.set('by', state.breakdown);
  if (state.metric !== 'timeToResolve') out.set('metric', state.metric);
  return out.toString();
}

/** The procedure input for the state: `to` is inclusive in the UI, exclusive in the query. */
export function kpiQueryInput(
  state: KpiDashboardState,
  groupBy: KpiQueryInput['groupBy'] = [],
): KpiQueryInput {
  return {
    ...(state.tenantId ? { tenantId: state.tenantId } : {}),
    ...(state.severity ? { severity: state.severity } : {}),
    ...(state.analystUserId ? { analystUserId: state.analystUserId } : {}),
    from: new Date(`${state.from}T00:00:00Z`),
    to: new Date(`${addDays(state.to, 1)}T00:00:00Z`),
    groupBy,
  };
}
