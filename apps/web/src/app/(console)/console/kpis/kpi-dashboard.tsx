'use client';

import { KPI_PERIODS } from '@palisade/db/queries/kpis/tenant-kpis';
import { type Severity, severityLevel } from '@palisade/db/schema';
import { EmptyState } from '@palisade/ui/empty-state';
import { FilterBar } from '@palisade/ui/filter-bar';
import { FilterField } from '@palisade/ui/filter-field';
import { KpiTile } from '@palisade/ui/kpi-tile';
import { SectionCard } from '@palisade/ui/section-card';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { formatDuration, formatPercent } from '@/components/kpis/format-duration';
import { KpiBarChart, KpiLineChart } from '@/components/kpis/kpi-charts';
import { useTRPC } from '@/trpc/react';
import { CsvExportButton } from './csv-export-button';
import {
  KPI_BREAKDOWNS,
  KPI_METRICS,
  type KpiBreakdown,
  type KpiDashboardState,
  kpiQueryInput,
  kpiSearch,
  METRIC_LABEL,
  parseKpiState,
} from './kpi-filters';
import { KpiTable } from './kpi-table';

/** Figures refresh by themselves while the page is open (new assignments, resolutions, breaches). */
const REFRESH_MS = 60_000;
const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';
const BREAKDOWN_LABEL: Record<KpiBreakdown, string> = {
  tenant: 'Tenant',
  analyst: 'Analyst',
  severity: 'Severity',
};

/**
 * The KPI dashboard: filters in the URL (the tenant one is the console's top bar), totals, the
 * trend per period, a per-tenant comparison, SLA breaches per period and a breakdown table with
 * CSV export. Every figure comes from kpis.query (formulas: docs/kpis.md).
 */
export function KpiDashboard() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [today] = useState(() => new Date());
  const state = parseKpiState(new URLSearchParams(params), today);
  const update = (patch: Partial<KpiDashboardState>) =>
    router.replace(`${pathname}?${kpiSearch({ ...state, ...patch })}`, { scroll: false });

  const trpc = useTRPC();
  const options = { refetchInterval: REFRESH_MS, placeholderData: keepPreviousData };
  const totals = useQuery(trpc.kpis.query.queryOptions(kpiQueryInput(state), options));
  const trend = useQuery(trpc.kpis.query.queryOptions(kpiQueryInput(state, [state.period]), options));
  const byTenant = useQuery(trpc.kpis.query.queryOptions(kpiQueryInput(state, ['tenant']), options));
  const breakdown = useQuery(trpc.kpis.query.queryOptions(kpiQueryInput(state, [state.breakdown]), options));
  // The analyst filter offers whoever owns incidents in the range, whatever analyst is selected.
  const analysts = useQuery(
    trpc.kpis.query.queryOptions(kpiQueryInput({ ...state, analystUserId: undefined }, ['analyst']), options),
  );

  const error = totals.error ?? trend.error ?? byTenant.error ?? breakdown.error;
  const total = totals.data?.[0];
  const metric = state.metric;

  return (
    <div className="flex flex-col gap-4">
      <FilterBar
        label="KPI filters"
        actions={
          <CsvExportButton
            input={kpiQueryInput(state, [state.period, state.breakdown])}
            label={`CSV per ${state.period} and ${state.breakdown}`}
          />
        }
      >
        <FilterField label="Severity" htmlFor="kpi-severity">
          <select
            id="kpi-severity"
            value={state.severity?.join(',') ?? ''}
            onChange={(e) =>
              update({ severity: e.target.value ? (e.target.value.split(',') as Severity[]) : undefined })
            }
            className={control}
          >
            <option value="">Any</option>
            <option value="critical,high">Critical and high</option>
            {severityLevel.enumValues.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Analyst" htmlFor="kpi-analyst">
          <select
            id="kpi-analyst"
            value={state.analystUserId ?? ''}
            onChange={(e) => update({ analystUserId: e.target.value || undefined })}
            className={control}
          >
            <option value="">Anyone</option>
            <option value="unassigned">Unassigned</option>
            {(analysts.data ?? []).flatMap((r) =>
              r.analystUserId
                ? [
                    <option key={r.analystUserId} value={r.analystUserId}>
                      {r.analystName ?? r.analystUserId}
                    </option>,
                  ]
                : [],
            )}
          </select>
        </FilterField>
        <FilterField label="Created from" htmlFor="kpi-from">
          <input
            id="kpi-from"
            type="date"
            value={state.from}
            max={state.to}
            onChange={(e) => e.target.value && update({ from: e.target.value })}
            className={control}
          />
        </FilterField>
        <FilterField label="to" htmlFor="kpi-to">
          <input
            id="kpi-to"
            type="date"
            value={state.to}
            min={state.from}
            onChange={(e) => e.target.value && update({ to: e.target.value })}
            className={control}
          />
        </FilterField>
        <FilterField label="Period" htmlFor="kpi-period">
          <select
            id="kpi-period"
            value={state.period}
            onChange={(e) => update({ period: e.target.value as KpiDashboardState['period'] })}
            className={control}
          >
            {KPI_PERIODS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Chart measure" htmlFor="kpi-metric">
          <select
            id="kpi-metric"
            value={metric}
            onChange={(e) => update({ metric: e.target.value as KpiDashboardState['metric'] })}
            className={control}
          >
            {KPI_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABEL[m]}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterBar>

      <p className="-mt-2 text-xs text-slate-500" aria-live="polite">
        {totals.isFetching
          ? 'Updating…'
          : totals.dataUpdatedAt
            ? `Figures as of ${formatTime(new Date(totals.dataUpdatedAt))}; they refresh every minute.`
            : null}
      </p>

      {error ? (
        <EmptyState title="KPIs could not be loaded">
          {error.message}. They are retried automatically.
        </EmptyState>
      ) : null}

      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6" aria-busy={totals.isFetching}>
        <KpiTile
          label="Incidents"
          value={total?.incidents ?? (totals.isPending ? '…' : 0)}
          hint={`${total?.open ?? 0} still open`}
        />
        <KpiTile
          label="Time to assign"
          value={formatDuration(total?.timeToAssign.median)}
          hint={`median · p90 ${formatDuration(total?.timeToAssign.p90)}`}
        />
        <KpiTile
          label="First response"
          value={formatDuration(total?.timeToFirstResponse.median)}
          hint={`median · p90 ${formatDuration(total?.timeToFirstResponse.p90)}`}
        />
        <KpiTile
          label="Time to resolve"
          value={formatDuration(total?.timeToResolve.median)}
          hint={`median · ${total?.reopened ?? 0} reopened`}
        />
        <KpiTile
          label="SLA assign"
          value={formatPercent(total?.slaAssign.compliance)}
          hint={`${total?.slaAssign.breached ?? 0} breached`}
        />
        <KpiTile
          label="SLA resolve"
          value={formatPercent(total?.slaResolve.compliance)}
          hint={`${total?.slaResolve.breached ?? 0} breached`}
        />
      </dl>

      <SectionCard title={`${METRIC_LABEL[metric]} per ${state.period}`}>
        {trend.data?.length ? (
          <KpiLineChart
            label={`${METRIC_LABEL[metric]} per ${state.period}: mean, median and p90`}
            unit="seconds"
            xKey="period"
            data={trend.data.map((r) => ({
              period: r.period,
              mean: r[metric].mean,
              median: r[metric].median,
              p90: r[metric].p90,
            }))}
            series={[
              { key: 'median', name: 'Median', color: '#0369a1' },
              { key: 'mean', name: 'Mean', color: '#64748b' },
              { key: 'p90', name: 'p90', color: '#dc2626' },
            ]}
          />
        ) : (
          <NoData pending={trend.isPending} />
        )}
      </SectionCard>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <SectionCard title={`${METRIC_LABEL[metric]} per tenant`}>
          {byTenant.data?.length ? (
            <KpiBarChart
              label={`${METRIC_LABEL[metric]} per tenant: median and p90`}
              unit="seconds"
              xKey="tenant"
              data={byTenant.data.map((r) => ({
                tenant: r.tenantName ?? '',
                median: r[metric].median,
                p90: r[metric].p90,
              }))}
              series={[
                { key: 'median', name: 'Median', color: '#0369a1' },
                { key: 'p90', name: 'p90', color: '#f59e0b' },
              ]}
            />
          ) : (
            <NoData pending={byTenant.isPending} />
          )}
        </SectionCard>
        <SectionCard title={`SLA breaches per ${state.period}`}>
          {trend.data?.length ? (
            <KpiBarChart
              label={`SLA breaches per ${state.period}, assign and resolve`}
              unit="count"
              xKey="period"
              stacked
              data={trend.data.map((r) => ({
                period: r.period,
                assign: r.slaAssign.breached,
                resolve: r.slaResolve.breached,
              }))}
              series={[
                { key: 'assign', name: 'Assign breached', color: '#f97316' },
                { key: 'resolve', name: 'Resolve breached', color: '#b91c1c' },
              ]}
            />
          ) : (
            <NoData pending={trend.isPending} />
          )}
        </SectionCard>
      </div>

      <SectionCard
        title={`Per ${state.breakdown}`}
        actions={
          <label className="flex items-center gap-2 text-sm text-slate-600">
            Break down by
            <select
              value={state.breakdown}
              onChange={(e) => update({ breakdown: e.target.value as KpiBreakdown })}
              className={control}
            >
              {KPI_BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {BREAKDOWN_LABEL[b]}
                </option>
              ))}
            </select>
          </label>
        }
      >
        {breakdown.data?.length ? (
          <KpiTable rows={breakdown.data} breakdown={state.breakdown} />
        ) : (
          <NoData pending={breakdown.isPending} />
        )}
      </SectionCard>
    </div>
  );
}

function NoData({ pending }: { pending: boolean }) {
  if (pending) return <p className="text-sm text-slate-500">Loading…</p>;
  return (
    <EmptyState title="No incidents in this range">
      Figures count incidents created in the selected days; widen the range or clear a filter.
    </EmptyState>
  );
}
