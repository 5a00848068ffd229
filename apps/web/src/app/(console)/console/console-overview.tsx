'use client';

import { severityLevel } from '@palisade/db/schema';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { KpiTile } from '@palisade/ui/kpi-tile';
import { SectionCard } from '@palisade/ui/section-card';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { formatTime } from '@/components/format-time';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Summary = RouterOutputs['overview']['consoleSummary'];
type TenantRow = Summary['openByTenant'][number];

/** The landing page refreshes itself: new incidents, assignments and breaches show up unprompted. */
const REFRESH_MS = 15_000;
const num = 'tabular-nums text-right';

const openColumns: Column<TenantRow>[] = [
  {
    key: 'tenant',
    header: 'Tenant',
    cell: (r) => (
      <Link
        href={`/console/incidents?tenant=${r.tenantId}&status=new,assigned,in_progress,waiting_on_client`}
        className="font-medium text-sky-800 hover:underline"
      >
        {r.tenantName}
      </Link>
    ),
  },
  ...severityLevel.enumValues.map(
    (s): Column<TenantRow> => ({ key: s, header: s, className: num, cell: (r) => r.bySeverity[s] || '' }),
  ),
  { key: 'total', header: 'Open', className: `${num} font-semibold`, cell: (r) => r.total },
];

const incidentLink = (r: { tenantId: string; incidentId: string; reference: string }) => (
  <Link
    href={`/console/incidents/${r.tenantId}/${r.incidentId}`}
    className="font-mono text-xs text-sky-800 hover:underline"
  >
    {r.reference}
  </Link>
);

/** Open incidents per tenant and severity, unowned critical/high incidents and today's SLA breaches. */
export function ConsoleOverview({
  tenantCount,
  activeTenants,
}: {
  tenantCount: number;
  activeTenants: number;
}) {
  const trpc = useTRPC();
  const tenantId = useSearchParams().get('tenant') ?? undefined;
  const query = useQuery(
    trpc.overview.consoleSummary.queryOptions(tenantId ? { tenantId } : {}, {
      refetchInterval: REFRESH_MS,
      placeholderData: keepPreviousData,
    }),
  );
  const data = query.data;
  const open = data?.openByTenant.reduce((sum, r) => sum + r.total, 0);
  const pending = query.isPending ? '…' : '—';

  return (
    <div className="flex flex-col gap-4" aria-busy={query.isFetching}>
      {query.error ? (
        <EmptyState title="The overview could not be loaded">
          {query.error.message}. It is retried automatically.
        </EmptyState>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <KpiTile label="Tenants in your scope" value={tenantCount} hint={`${activeTenants} active`} />
        <KpiTile label="Open incidents" value={open ?? pending} />
        <KpiTile
          label="Unassigned critical/high"
          value={data?.unassignedUrgent.total ?? pending}
          hint="open and nobody owns them"
        />
        <KpiTile
          label="SLA breaches today"
          value={data?.breachesToday.total ?? pending}
          hint="since 00:00 UTC"
        />
      </dl>

      <SectionCard title="Open incidents by tenant and severity">
        <DataTable
          caption="Open incidents by tenant and severity"
          columns={openColumns}
          rows={data?.openByTenant ?? []}
          rowKey={(r) => r.tenantId}
          empty={
            <p className="text-sm text-slate-500">{query.isPending ? 'Loading…' : 'No open incidents.'}</p>
          }
        />
      </SectionCard>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <SectionCard title="Unassigned critical and high, oldest first">
          <IncidentList
            items={(data?.unassignedUrgent.items ?? []).map((i) => ({
              ...i,
              when: i.createdAt,
              extra: i.severity,
            }))}
            whenLabel="Created"
            empty={query.isPending ? 'Loading…' : 'Every critical and high incident has an owner.'}
          />
        </SectionCard>
        <SectionCard title="SLA breaches today">
          <IncidentList
            items={(data?.breachesToday.items ?? []).map((i) => ({
              ...i,
              when: i.breachedAt,
              extra: i.kind,
            }))}
            whenLabel="Breached"
            empty={query.isPending ? 'Loading…' : 'No SLA breached today.'}
          />
        </SectionCard>
      </div>
    </div>
  );
}

type ListItem = {
  tenantId: string;
  tenantName: string;
  incidentId: string;
  reference: string;
  title: string;
  when: Date;
  extra: string;
  severity?: RouterOutputs['overview']['consoleSummary']['unassignedUrgent']['items'][number]['severity'];
};

function IncidentList({ items, whenLabel, empty }: { items: ListItem[]; whenLabel: string; empty: string }) {
  const columns: Column<ListItem>[] = [
    { key: 'ref', header: 'Incident', cell: incidentLink },
    { key: 'title', header: 'Title', cell: (r) => r.title },
    { key: 'tenant', header: 'Tenant', cell: (r) => r.tenantName },
    {
      key: 'extra',
      header: 'Severity / SLA',
      cell: (r) => (r.severity ? <IncidentSeverityBadge severity={r.severity} /> : `${r.extra} SLA`),
    },
    {
      key: 'when',
      header: whenLabel,
      className: 'whitespace-nowrap text-xs text-slate-600',
      cell: (r) => formatTime(r.when),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(r) => `${r.tenantId}:${r.incidentId}:${r.extra}`}
      empty={<p className="text-sm text-slate-500">{empty}</p>}
    />
  );
}
