import type { KpiRow } from '@palisade/db/queries/kpis/tenant-kpis';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { formatDuration, formatPercent } from '@/components/kpis/format-duration';
import type { KpiBreakdown } from './kpi-filters';

const num = 'tabular-nums text-right whitespace-nowrap';
const muted = <span className="text-slate-400">—</span>;

function keyColumn(breakdown: KpiBreakdown): Column<KpiRow> {
  if (breakdown === 'severity') {
    return {
      key: 'severity',
      header: 'Severity',
      cell: (r) => (r.severity ? <IncidentSeverityBadge severity={r.severity} /> : muted),
    };
  }
  if (breakdown === 'analyst') {
    return {
      key: 'analyst',
      header: 'Analyst',
      cell: (r) => r.analystName ?? <em className="text-slate-500">unassigned</em>,
    };
  }
  return { key: 'tenant', header: 'Tenant', cell: (r) => r.tenantName ?? muted };
}

const duration = (
  key: string,
  header: string,
  pick: (r: KpiRow) => KpiRow['timeToAssign'],
): Column<KpiRow> => ({
  key,
  header,
  className: num,
  cell: (r) => (
    <span
      title={`mean ${formatDuration(pick(r).mean)} · p90 ${formatDuration(pick(r).p90)} · n=${pick(r).count}`}
    >
      {formatDuration(pick(r).median)}
    </span>
  ),
});

/** The breakdown table: medians (hover for mean, p90 and n), counts and SLA compliance. */
export function KpiTable({ rows, breakdown }: { rows: KpiRow[]; breakdown: KpiBreakdown }) {
  const columns: Column<KpiRow>[] = [
    keyColumn(breakdown),
    { key: 'incidents', header: 'Incidents', className: num, cell: (r) => r.incidents },
    { key: 'open', header: 'Open', className: num, cell: (r) => r.open },
    { key: 'resolved', header: 'Resolved', className: num, cell: (r) => r.resolved },
    { key: 'reopened', header: 'Reopened', className: num, cell: (r) => r.reopened },
    duration('tta', 'Assign (median)', (r) => r.timeToAssign),
    duration('ttfr', 'First response (median)', (r) => r.timeToFirstResponse),
    duration('ttr', 'Resolve (median)', (r) => r.timeToResolve),
    duration('ttrn', 'Resolve w/o client wait', (r) => r.timeToResolveNet),
    {
      key: 'sla-assign',
      header: 'SLA assign',
      className: num,
      cell: (r) => formatPercent(r.slaAssign.compliance),
    },
    {
      key: 'sla-resolve',
      header: 'SLA resolve',
      className: num,
      cell: (r) => formatPercent(r.slaResolve.compliance),
    },
    {
      key: 'breaches',
      header: 'Breaches',
      className: num,
      cell: (r) => r.slaAssign.breached + r.slaResolve.breached,
    },
  ];
  return (
    <DataTable
      caption={`KPIs per ${breakdown}`}
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.tenantId}:${r.analystUserId}:${r.severity}`}
    />
  );
}
