'use client';

import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { IncidentStatusBadge } from '@palisade/ui/incident-status-badge';
import { Pagination } from '@palisade/ui/pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Row = RouterOutputs['incident']['portalList']['items'][number];

const PAGE_SIZE = 50;

const columns: Column<Row>[] = [
  {
    key: 'ref',
    header: 'Number',
    className: 'whitespace-nowrap font-mono text-xs',
    cell: (r) => r.reference,
  },
  {
    key: 'title',
    header: 'Title',
    cell: (r) => (
      <Link href={`/portal/incidents/${r.id}`} className="font-medium text-sky-800 hover:underline">
        {r.title}
      </Link>
    ),
  },
  { key: 'severity', header: 'Severity', cell: (r) => <IncidentSeverityBadge severity={r.severity} /> },
  { key: 'status', header: 'Status', cell: (r) => <IncidentStatusBadge status={r.status} /> },
  {
    key: 'opened',
    header: 'Opened',
    className: 'whitespace-nowrap text-xs',
    cell: (r) => formatTime(r.createdAt),
  },
  {
    key: 'last',
    header: 'Last activity',
    className: 'whitespace-nowrap text-xs',
    cell: (r) => formatTime(r.lastAlertAt),
  },
];

/** The client's own incidents, newest activity first; refreshes by itself. */
export function PortalIncidentList() {
  const trpc = useTRPC();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const query = useQuery(
    trpc.incident.portalList.queryOptions(
      { cursor: cursors.at(-1), limit: PAGE_SIZE },
      { refetchInterval: 30_000, placeholderData: keepPreviousData },
    ),
  );
  const items = query.data?.items ?? [];
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  return (
    <>
      <DataTable
        caption="Incidents"
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        empty={
          query.isPending ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : (
            <EmptyState title="No incidents">
              Your MSSP has not opened any incident for your company.
            </EmptyState>
          )
        }
      />
      <Pagination
        status={items.length ? `Showing ${first}–${first + items.length - 1}` : undefined}
        hasPrevious={cursors.length > 1}
        hasNext={Boolean(query.data?.nextCursor)}
        onPrevious={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => {
          const next = query.data?.nextCursor;
          if (next) setCursors((c) => [...c, next]);
        }}
      />
    </>
  );
}
