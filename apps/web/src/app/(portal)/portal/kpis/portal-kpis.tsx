'use client';

import { EmptyState } from '@palisade/ui/empty-state';
import { KpiTile } from '@palisade/ui/kpi-tile';
import { SectionCard } from '@palisade/ui/section-card';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { formatDuration, formatPercent } from '@/components/kpis/format-duration';
import { KpiBarChart, KpiLineChart } from '@/components/kpis/kpi-charts';
import { useTRPC } from '@/trpc/react';
import { PORTAL_RANGES, type PortalRange, parsePortalRange, portalKpiRange } from './portal-kpi-range';
import './portal-kpis.css';

const REFRESH_MS = 60_000;
const RANGE_LABEL: Record<PortalRange, string> = {
  '3m': 'Last 3 months',
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
};

/**
 * The client's own KPIs (kpis.portal) drawn in the tenant's brand colours: response times per
 * period, SLA compliance per period and a severity breakdown. No per-analyst figures.
 */
export function PortalKpis() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [today] = useState(() => new Date());
  const range = parsePortalRange(params.get('range'));
  const input = portalKpiRange(range, today);
  const trpc = useTRPC();
  const query = useQuery(
    trpc.kpis.portal.queryOptions(input, { refetchInterval: REFRESH_MS, placeholderData: keepPreviousData }),
  );
  const k = query.data;
  const total = k?.totals;

  return (
    <div className="portal-kpis flex flex-col gap-4" aria-busy={query.isFetching}>
      <label className="flex items-center gap-2 self-start text-sm text-slate-600">
        Incidents created
        <select
          value={range}
          onChange={(e) => router.replace(`${pathname}?range=${e.target.value}`, { scroll: false })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          {(Object.keys(PORTAL_RANGES) as PortalRange[]).map((r) => (
            <option key={r} value={r}>
              {RANGE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>

      {query.error ? (
        <EmptyState title="KPIs could not be loaded">
          {query.error.message}. They are retried automatically.
        </EmptyState>
      ) : null}

      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        <KpiTile
          label="Incidents"
          value={total?.incidents ?? (query.isPending ? '…' : 0)}
          hint={`${total?.resolved ?? 0} resolved`}
        />
        <KpiTile label="Time to assign" value={formatDuration(total?.timeToAssign.median)} hint="median" />
        <KpiTile
          label="First response"
          value={formatDuration(total?.timeToFirstResponse.median)}
          hint="median"
        />
        <KpiTile
          label="Time to resolve"
          value={formatDuration(total?.timeToResolve.median)}
          hint={`median · ${formatDuration(total?.timeToResolveNet.median)} without waiting on you`}
        />
        <KpiTile
          label="SLA assign met"
          value={formatPercent(total?.slaAssign.compliance)}
          hint={`${total?.slaAssign.breached ?? 0} breached`}
        />
        <KpiTile
          label="SLA resolve met"
          value={formatPercent(total?.slaResolve.compliance)}
          hint={`${total?.slaResolve.breached ?? 0} breached`}
        />
      </dl>

      {k && k.trend.length === 0 ? (
        <EmptyState title="No incidents in this period">
          Figures appear as your MSSP handles incidents.
        </EmptyState>
      ) : null}

      {k?.trend.length ? (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <SectionCard title={`Median response times per ${input.period}`}>
            <BrandLegend primary="Time to assign" accent="Time to resolve" />
            <KpiLineChart
              label={`Median time to assign and to resolve per ${input.period}`}
              unit="seconds"
              xKey="period"
              legend={false}
              data={k.trend.map((r) => ({
                period: r.period,
                assign: r.timeToAssign.median,
                resolve: r.timeToResolve.median,
              }))}
              series={[
                { key: 'assign', name: 'Time to assign', color: '#1d4ed8', className: 'kpi-brand-primary' },
                { key: 'resolve', name: 'Time to resolve', color: '#0ea5e9', className: 'kpi-brand-accent' },
              ]}
            />
          </SectionCard>
          <SectionCard title={`SLA met per ${input.period}`}>
            <BrandLegend primary="Assign" accent="Resolve" />
            <KpiBarChart
              label={`Share of SLA clocks met per ${input.period}, assign and resolve`}
              unit="fraction"
              xKey="period"
              legend={false}
              data={k.trend.map((r) => ({
                period: r.period,
                assign: r.slaAssign.compliance,
                resolve: r.slaResolve.compliance,
              }))}
              series={[
                { key: 'assign', name: 'Assign', color: '#1d4ed8', className: 'kpi-brand-primary' },
                { key: 'resolve', name: 'Resolve', color: '#0ea5e9', className: 'kpi-brand-accent' },
              ]}
            />
          </SectionCard>
        </div>
      ) : null}

      {k?.bySeverity.length ? (
        <SectionCard title="By severity">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 font-medium">
                  Severity
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Incidents
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Assign (median)
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Resolve (median)
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  SLA met
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {k.bySeverity.map((r) => (
                <tr key={r.severity}>
                  <td className="py-1">
                    {r.severity ? <IncidentSeverityBadge severity={r.severity} /> : null}
                  </td>
                  <td className="py-1 text-right tabular-nums">{r.incidents}</td>
                  <td className="py-1 text-right tabular-nums">{formatDuration(r.timeToAssign.median)}</td>
                  <td className="py-1 text-right tabular-nums">{formatDuration(r.timeToResolve.median)}</td>
                  <td className="py-1 text-right tabular-nums">
                    {formatPercent(metShare(r.slaAssign, r.slaResolve))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </SectionCard>
      ) : null}
      <p className="text-xs text-slate-500">
        Periods follow your time zone ({k?.timeZone ?? '…'}). Times run from when an incident was opened;
        &quot;without waiting on you&quot; leaves out the time an incident waited for your answer, as the SLA
        clock does.
      </p>
    </div>
  );
}

/** Both SLA clocks together: met over met + breached. */
function metShare(...stats: { met: number; breached: number }[]): number | null {
  const met = stats.reduce((s, x) => s + x.met, 0);
  const judged = stats.reduce((s, x) => s + x.met + x.breached, 0);
  return judged ? met / judged : null;
}

function BrandLegend({ primary, accent }: { primary: string; accent: string }) {
  return (
    <ul className="mb-2 flex gap-4 text-xs text-slate-600">
      <li className="flex items-center gap-1">
        <span aria-hidden className="kpi-swatch-primary inline-block h-2.5 w-2.5 rounded-sm" />
        {primary}
      </li>
      <li className="flex items-center gap-1">
        <span aria-hidden className="kpi-swatch-accent inline-block h-2.5 w-2.5 rounded-sm" />
        {accent}
      </li>
    </ul>
  );
}
