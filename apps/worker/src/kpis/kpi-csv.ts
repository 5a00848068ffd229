import type { KpiDurationStats, KpiRow, KpiSlaStats } from '@palisade/db/queries/kpis/tenant-kpis';
import { stringify } from 'csv-stringify/sync';

const DURATIONS = [
  ['time_to_assign', 'timeToAssign'],
  ['time_to_first_response', 'timeToFirstResponse'],
  ['time_to_resolve', 'timeToResolve'],
  ['time_to_resolve_net', 'timeToResolveNet'],
] as const;
const SLAS = [
  ['sla_assign', 'slaAssign'],
  ['sla_resolve', 'slaResolve'],
] as const;

export const KPI_CSV_COLUMNS = [
  'period',
  'tenant_id',
  'tenant',
  'severity',
  'analyst_id',
  'analyst',
  'incidents',
  'open',
  'resolved',
  'reopened',
  ...DURATIONS.flatMap(([name]) => [`${name}_count`, `${name}_mean_s`, `${name}_median_s`, `${name}_p90_s`]),
  ...SLAS.flatMap(([name]) => [`${name}_met`, `${name}_breached`, `${name}_running`, `${name}_compliance`]),
];

// Seconds to the millisecond: the CSV stays exact for a spreadsheet without float noise.
const seconds = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 1000));
const duration = (s: KpiDurationStats) => [
  String(s.count),
  seconds(s.mean),
  seconds(s.median),
  seconds(s.p90),
];
const sla = (s: KpiSlaStats) => [
  String(s.met),
  String(s.breached),
  String(s.running),
  s.compliance === null ? '' : String(Math.round(s.compliance * 10_000) / 10_000),
];

/**
 * KPI rows as CSV, one line per row in KPI_CSV_COLUMNS order; durations in seconds, compliance as a
 * 0–1 fraction, empty cells where nothing was measured. Names starting with = + - @ are escaped so
 * a spreadsheet does not run them as formulas.
 */
export function kpiRowsToCsv(rows: readonly KpiRow[]): string {
  return stringify(
    rows.map((r) => [
      r.period ?? '',
      r.tenantId ?? '',
      r.tenantName ?? '',
      r.severity ?? '',
      r.analystUserId ?? '',
      r.analystName ?? '',
      String(r.incidents),
      String(r.open),
      String(r.resolved),
      String(r.reopened),
      ...DURATIONS.flatMap(([, key]) => duration(r[key])),
      ...SLAS.flatMap(([, key]) => sla(r[key])),
    ]),
    { header: true, columns: KPI_CSV_COLUMNS, escape_formulas: true },
  );
}
