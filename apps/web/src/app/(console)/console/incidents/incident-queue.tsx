'use client';

import { incidentStatus, type Severity, severityLevel } from '@palisade/db/schema';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { FilterBar } from '@palisade/ui/filter-bar';
import { FilterField } from '@palisade/ui/filter-field';
import { IncidentStatusBadge } from '@palisade/ui/incident-status-badge';
import { Pagination } from '@palisade/ui/pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatTime } from '@/components/format-time';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { SlaClocksProvider, SlaQueueCell } from '@/components/sla/sla-clocks-provider';
import { INCIDENT_SORTS } from '@/server/routers/incident/list.schema';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { parseQueueState, type QueueState, queueSearch } from './queue-filters';

type Row = RouterOutputs['incident']['list']['items'][number];

/** How often the queue refetches by itself: new incidents show up without a reload. */
const REFRESH_MS = 5_000;
const PAGE_SIZE = 50;

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';

const SORT_LABEL: Record<(typeof INCIDENT_SORTS)[number], string> = {
  last_alert_at: 'Last alert',
  created_at: 'Created',
  number: 'Number',
};

const columns: Column<Row>[] = [
  {
    key: 'number',
    header: 'Number',
    className: 'whitespace-nowrap font-mono text-xs',
    cell: (r) => r.reference,
  },
  {
    key: 'title',
    header: 'Title',
    cell: (r) => (
      <Link
        href={`/console/incidents/${r.tenantId}/${r.id}`}
        className="font-medium text-sky-800 hover:underline"
      >
        {r.title}
      </Link>
    ),
  },
  { key: 'tenant', header: 'Tenant', cell: (r) => r.tenantName },
  { key: 'severity', header: 'Severity', cell: (r) => <IncidentSeverityBadge severity={r.severity} /> },
  { key: 'status', header: 'Status', cell: (r) => <IncidentStatusBadge status={r.status} /> },
  { key: 'sla', header: 'SLA', cell: (r) => <SlaQueueCell incidentId={r.id} /> },
  {
    key: 'assignee',
    header: 'Assignee',
    cell: (r) => r.assigneeName ?? <span className="text-slate-400">—</span>,
  },
  { key: 'source', header: 'Source', cell: (r) => r.sourceProduct ?? '—' },
  { key: 'alerts', header: 'Alerts', className: 'tabular-nums text-right', cell: (r) => r.alertCount },
  {
    key: 'last',
    header: 'Last alert',
    className: 'whitespace-nowrap text-xs text-slate-600',
    cell: (r) => formatTime(r.lastAlertAt),
  },
];

export interface IncidentQueueProps {
  me: { userId: string };
}

/**
 * The analyst queue. The tenant filter is the console's top bar (?tenant=). Filters live in the URL (parseQueueState); the page of results is fetched
 * through tRPC and refetched every few seconds, keeping the previous rows on screen meanwhile.
 */
export function IncidentQueue({ me }: IncidentQueueProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = parseQueueState(new URLSearchParams(params));
  const search = queueSearch(state);

  const update = (patch: Partial<QueueState>) => {
    const next = queueSearch({ ...state, ...patch });
    router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
  };

  return (
    <>
      <QueueFilters state={state} me={me} onChange={update} />
      {/* A new filter starts again at the first page. */}
      <QueuePages key={search} state={state} />
    </>
  );
}

function QueuePages({ state }: { state: QueueState }) {
  const trpc = useTRPC();
  // Keyset pagination: the cursors of the pages visited so far (undefined = first page).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const query = useQuery(
    trpc.incident.list.queryOptions(
      { ...state, cursor, limit: PAGE_SIZE },
      { refetchInterval: REFRESH_MS, placeholderData: keepPreviousData },
    ),
  );
  const page = cursors.length;
  const items = query.data?.items ?? [];
  const first = (page - 1) * PAGE_SIZE + 1;

  if (query.error) {
    return (
      <EmptyState title="The queue could not be loaded">
        {query.error.message}. It is retried automatically.
      </EmptyState>
    );
  }
  return (
    <div aria-busy={query.isFetching}>
      <SlaClocksProvider incidentIds={items.map((i) => i.id)}>
        <DataTable
          caption="Incidents"
          columns={columns}
          rows={items}
          rowKey={(r) => `${r.tenantId}:${r.id}`}
          empty={
            query.isPending ? (
              <p className="text-sm text-slate-500">Loading…</p>
            ) : (
              <EmptyState title="No incidents match">
                Incidents appear here as alerts arrive through the ingest API; change the filters to see more.
              </EmptyState>
            )
          }
        />
      </SlaClocksProvider>
      <Pagination
        status={items.length ? `Showing ${first}–${first + items.length - 1}` : undefined}
        hasPrevious={page > 1}
        hasNext={Boolean(query.data?.nextCursor)}
        onPrevious={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => {
          const next = query.data?.nextCursor;
          if (next) setCursors((c) => [...c, next]);
        }}
      />
    </div>
  );
}

interface QueueFiltersProps extends IncidentQueueProps {
  state: QueueState;
  onChange: (patch: Partial<QueueState>) => void;
}

function QueueFilters({ state, me, onChange }: QueueFiltersProps) {
  // The search box updates the URL after a pause in typing, not on every key.
  const trpc = useTRPC();
  const sources = useQuery(trpc.dataSource.list.queryOptions({ tenantId: state.tenantId }));
  const [search, setSearch] = useState(state.search ?? '');
  useEffect(() => {
    if (search.trim() === (state.search ?? '')) return;
    const timer = setTimeout(() => onChange({ search: search.trim() || undefined }), 300);
    return () => clearTimeout(timer);
  });

  const day = (d?: Date) => d?.toISOString().slice(0, 10) ?? '';
  const parseDay = (v: string) => (v ? new Date(`${v}T00:00:00.000Z`) : undefined);
  const endOfDay = (v: string) => (v ? new Date(`${v}T23:59:59.999Z`) : undefined);

  return (
    <FilterBar
      label="Incident filters"
      actions={
        <button
          type="button"
          className="text-sm text-sky-800 hover:underline"
          onClick={() => {
            setSearch('');
            onChange({
              severity: undefined,
              status: undefined,
              assigneeUserId: undefined,
              dataSourceId: undefined,
              from: undefined,
              to: undefined,
              search: undefined,
            });
          }}
        >
          Reset
        </button>
      }
    >
      <FilterField label="Search" htmlFor="queue-q">
        <input
          id="queue-q"
          type="search"
          value={search}
          placeholder="Title, IP, domain, hash…"
          onChange={(e) => setSearch(e.target.value)}
          className={`${control} w-64`}
        />
      </FilterField>
      <FilterField label="Severity" htmlFor="queue-severity">
        <select
          id="queue-severity"
          value={state.severity?.[0] ?? ''}
          onChange={(e) => onChange({ severity: e.target.value ? [e.target.value as Severity] : undefined })}
          className={control}
        >
          <option value="">Any</option>
          {severityLevel.enumValues.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Status" htmlFor="queue-status">
        <select
          id="queue-status"
          value={state.status?.join(',') ?? ''}
          onChange={(e) =>
            onChange({
              status: e.target.value ? (e.target.value.split(',') as QueueState['status']) : undefined,
            })
          }
          className={control}
        >
          <option value="">Any</option>
          <option value="new,assigned,in_progress,waiting_on_client">Open</option>
          {incidentStatus.enumValues.map((s) => (
            <option key={s} value={s}>
              {s.replace('_', ' ')}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Assignee" htmlFor="queue-assignee">
        <select
          id="queue-assignee"
          value={state.assigneeUserId ?? ''}
          onChange={(e) => onChange({ assigneeUserId: e.target.value || undefined })}
          className={control}
        >
          <option value="">Anyone</option>
          <option value={me.userId}>Me</option>
          <option value="unassigned">Unassigned</option>
        </select>
      </FilterField>
      <FilterField label="Source" htmlFor="queue-source">
        <select
          id="queue-source"
          value={state.dataSourceId ?? ''}
          onChange={(e) => onChange({ dataSourceId: e.target.value || undefined })}
          className={control}
        >
          <option value="">Any</option>
          {(sources.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.tenantName}: {s.name}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="From" htmlFor="queue-from">
        <input
          id="queue-from"
          type="date"
          value={day(state.from)}
          onChange={(e) => onChange({ from: parseDay(e.target.value) })}
          className={control}
        />
      </FilterField>
      <FilterField label="To" htmlFor="queue-to">
        <input
          id="queue-to"
          type="date"
          value={day(state.to)}
          onChange={(e) => onChange({ to: endOfDay(e.target.value) })}
          className={control}
        />
      </FilterField>
      <FilterField label="Sort" htmlFor="queue-sort">
        <select
          id="queue-sort"
          value={`${state.sort}:${state.direction}`}
          onChange={(e) => {
            const [sort, direction] = e.target.value.split(':') as [
              QueueState['sort'],
              QueueState['direction'],
            ];
            onChange({ sort, direction });
          }}
          className={control}
        >
          {INCIDENT_SORTS.flatMap((s) => [
            <option key={`${s}:desc`} value={`${s}:desc`}>
              {SORT_LABEL[s]} ↓
            </option>,
            <option key={`${s}:asc`} value={`${s}:asc`}>
              {SORT_LABEL[s]} ↑
            </option>,
          ])}
        </select>
      </FilterField>
    </FilterBar>
  );
}
