'use client';

import { severityLevel } from '@palisade/db/schema';
import { EmptyState } from '@palisade/ui/empty-state';
import { KpiTile } from '@palisade/ui/kpi-tile';
import { SectionCard } from '@palisade/ui/section-card';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTime } from '@/components/format-time';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { useTRPC } from '@/trpc/react';

const REFRESH_MS = 30_000;

/** The client's landing figures (overview.portalSummary), refreshed while the page is open. */
export function PortalOverview() {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.overview.portalSummary.queryOptions(undefined, {
      refetchInterval: REFRESH_MS,
      placeholderData: keepPreviousData,
    }),
  );
  const o = query.data;
  const pending = query.isPending ? '…' : '—';

  if (query.error) {
    return (
      <EmptyState title="The overview could not be loaded">
        {query.error.message}. It is retried automatically.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4" aria-busy={query.isFetching}>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <KpiTile
          label="Open incidents"
          value={o?.openTotal ?? pending}
          hint={
            <Link href="/portal/incidents" className="text-sky-800 hover:underline">
              See the incidents
            </Link>
          }
        />
        <KpiTile
          label="Awaiting your answer"
          value={o?.awaitingClient ?? pending}
          hint="the SLA clock is paused meanwhile"
        />
        <KpiTile
          label="Resolved this month"
          value={o?.resolvedThisMonth ?? pending}
          hint={o ? `since ${formatTime(o.monthStart)}` : undefined}
        />
        <KpiTile
          label="SLA clocks"
          value={o ? `${o.sla.running} running` : pending}
          hint={o ? `${o.sla.paused} paused · ${o.sla.breached} breached` : undefined}
        />
      </dl>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <SectionCard title="Open incidents by severity">
          <ul className="flex flex-col gap-2">
            {severityLevel.enumValues.map((s) => (
              <li key={s} className="flex items-center justify-between text-sm">
                <IncidentSeverityBadge severity={s} />
                <span className="tabular-nums font-semibold">{o?.openBySeverity[s] ?? pending}</span>
              </li>
            ))}
          </ul>
        </SectionCard>
        <SectionCard
          title="Latest reports"
          actions={
            <Link href="/portal/reports" className="text-sm text-sky-800 hover:underline">
              All reports
            </Link>
          }
        >
          {o?.latestReports.length ? (
            <ul className="flex flex-col gap-2 text-sm">
              {o.latestReports.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-2">
                  <Link href="/portal/reports" className="text-sky-800 hover:underline">
                    {r.title}
                  </Link>
                  <span className="whitespace-nowrap text-xs text-slate-500">
                    {formatTime(r.completedAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{query.isPending ? 'Loading…' : 'No reports yet.'}</p>
          )}
        </SectionCard>
      </div>
      <p className="text-sm text-slate-600">
        Response times and SLA compliance over time are on the{' '}
        <Link href="/portal/kpis" className="text-sky-800 hover:underline">
          KPIs
        </Link>{' '}
        page.
      </p>
    </div>
  );
}
