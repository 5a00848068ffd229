'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { FilterBar } from '@palisade/ui/filter-bar';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { MessageViewer } from './message-viewer';
import { OUTBOX_STATUS_TONE } from './status-tone';

type Message = RouterOutputs['notifications']['list']['items'][number];
const STATUSES = ['pending', 'sent', 'failed'] as const;

/** The outbox across the staff member's tenants (or the one in ?tenant=), refreshed while open. */
export function OutboxPanel({ nonce }: { nonce: string }) {
  const trpc = useTRPC();
  const tenantId = useSearchParams().get('tenant') ?? undefined;
  const [status, setStatus] = useState<(typeof STATUSES)[number] | ''>('');
  const [open, setOpen] = useState<{ tenantId: string; messageId: string } | null>(null);
  const query = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { ...(tenantId ? { tenantId } : {}), ...(status ? { status } : {}), limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 5000 },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: Column<Message>[] = [
    { key: 'created', header: 'Queued', cell: (m) => formatTime(m.createdAt) },
    { key: 'tenant', header: 'Tenant', cell: (m) => m.tenantName },
    { key: 'to', header: 'Recipient', cell: (m) => m.to.join(', ') },
    {
      key: 'subject',
      header: 'Subject',
      cell: (m) => (
        <button
          type="button"
          onClick={() => setOpen({ tenantId: m.tenantId, messageId: m.id })}
          className="text-left text-sky-800 hover:underline"
        >
          {m.subject}
        </button>
      ),
    },
    { key: 'kind', header: 'Kind', cell: (m) => <span className="text-xs">{m.kind}</span> },
    {
      key: 'status',
      header: 'Status',
      cell: (m) => (
        <span className="flex flex-col gap-0.5">
          <Badge tone={OUTBOX_STATUS_TONE[m.status]}>
            {m.status === 'sent' && m.deliveredVia === 'outbox' ? 'in outbox' : m.status}
          </Badge>
          {m.error ? <span className="max-w-xs truncate text-xs text-red-700">{m.error}</span> : null}
        </span>
      ),
    },
    { key: 'attempts', header: 'Attempts', cell: (m) => m.attempts },
  ];

  return (
    <div className="space-y-4">
      <FilterBar label="Outbox filters">
        <label className="flex flex-col gap-1">
          Status
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </FilterBar>
      {query.error ? (
        <p role="alert" className="text-sm text-red-700">
          {query.error.message}
        </p>
      ) : null}
      <DataTable
        caption="Outbox"
        columns={columns}
        rows={rows}
        rowKey={(m) => m.id}
        empty={
          query.isPending ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : (
            <EmptyState title="No messages">Nothing was sent with these filters yet.</EmptyState>
          )
        }
      />
      {query.hasNextPage ? (
        <button
          type="button"
          disabled={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
          className="text-sm text-sky-800 hover:underline disabled:opacity-40"
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Older messages'}
        </button>
      ) : null}
      {open ? <MessageViewer {...open} nonce={nonce} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
