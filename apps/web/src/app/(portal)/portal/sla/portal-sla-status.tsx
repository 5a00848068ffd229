'use client';

import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { IncidentStatusBadge } from '@palisade/ui/incident-status-badge';
import { KpiTile } from '@palisade/ui/kpi-tile';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTime } from '@/components/format-time';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { formatPercent } from '@/components/kpis/format-duration';
import { SlaClockBadge } from '@/components/sla/sla-clock-badge';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Status = RouterOutputs['sla']['status'];
type OpenRow = Status['open'][number];
type BreachRow = Status['breaches'][number];

const GOAL = { assign: 'Assignment', resolve: 'Resolution' } as const;

const incidentLink = (r: { incidentId: string; reference: string; title: string }) => (
  <Link href={`/portal/incidents/${r.incidentId}`} className="text-sky-800 hover:underline">
    <span className="font-mono text-xs">{r.reference}</span> {r.title}
  </Link>
);

const openColumns: Column<OpenRow>[] = [
  { key: 'incident', header: 'Incident', cell: incidentLink },
  { key: 'severity', header: 'Severity', cell: (r) => <IncidentSeverityBadge severity={r.severity} /> },
  { key: 'status', header: 'Status', cell: (r) => <IncidentStatusBadge status={r.status} /> },
  { key: 'clock', header: 'Time left', cell: (r) => <SlaClockBadge clock={r} /> },
  { key: 'due', header: 'Due', cell: (r) => formatTime(r.dueAt) },
];

const breachColumns: Column<BreachRow>[] = [
  { key: 'incident', header: 'Incident', cell: incidentLink },
  { key: 'severity', header: 'Severity', cell: (r) => <IncidentSeverityBadge severity={r.severity} /> },
  { key: 'goal', header: 'SLA', cell: (r) => GOAL[r.kind] },
  { key: 'breached', header: 'Breached at', cell: (r) => (r.breachedAt ? formatTime(r.breachedAt) : '—') },
  { key: 'met', header: 'Then met', cell: (r) => (r.metAt ? formatTime(r.metAt) : 'not yet') },
];

/** The client's own SLA: compliance, open incidents with their live clocks, recent breaches. */
export function PortalSlaStatus({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const status = useQuery(trpc.sla.status.queryOptions({ tenantId, days: 30 }, { refetchInterval: 30_000 }));
  if (status.error) {
    return (
      <EmptyState title="SLA status could not be loaded">
        {status.error.message}. It is retried automatically.
      </EmptyState>
    );
  }
  if (!status.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { compliance, open, breaches, periodDays } = status.data;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        {(['assign', 'resolve'] as const).map((kind) => (
          <KpiTile
            key={kind}
            label={`${GOAL[kind]} SLA met (last ${periodDays} days)`}
            value={formatPercent(compliance[kind].rate)}
            hint={`${compliance[kind].met} in time, ${compliance[kind].breached} breached, ${compliance[kind].running} running`}
          />
        ))}
      </div>
      <SectionCard title="Open incidents">
        <DataTable
          caption="Open incidents with their SLA clocks"
          columns={openColumns}
          rows={open}
          rowKey={(r) => r.timerId}
          empty={<EmptyState title="No SLA clock is running">No open incident is waiting on us.</EmptyState>}
        />
      </SectionCard>
      <SectionCard title={`Breaches (last ${periodDays} days)`}>
        <DataTable
          caption="SLA breaches"
          columns={breachColumns}
          rows={breaches}
          rowKey={(r) => r.timerId}
          empty={<EmptyState title="No breaches">Every SLA in this period was met in time.</EmptyState>}
        />
      </SectionCard>
    </div>
  );
}
