'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { daemonTone, formatMs } from './daemon-state';

type Daemon = RouterOutputs['daemons']['list'][number];

/** Every daemon of the staff member's tenants (or the filtered one), refreshed every 3 s. */
export function DaemonsPanel() {
  const tenantId = useSearchParams().get('tenant');
  const trpc = useTRPC();
  const daemons = useQuery({
    ...trpc.daemons.list.queryOptions(tenantId ? { tenantId } : {}),
    refetchInterval: 3000,
  });
  const q = (d: Daemon) => `?tenant=${d.tenantId}`;
  const columns: Column<Daemon>[] = [
    {
      key: 'name',
      header: 'Daemon',
      cell: (d) => (
        <Link className="font-medium text-blue-700 hover:underline" href={`/console/daemons/${d.id}${q(d)}`}>
          {d.name}
        </Link>
      ),
    },
    { key: 'kind', header: 'Kind', cell: (d) => <code className="text-xs">{d.kind}</code> },
    { key: 'state', header: 'State', cell: (d) => <Badge tone={daemonTone(d.state)}>{d.state}</Badge> },
    {
      key: 'last',
      header: 'Last run',
      cell: (d) => (d.last?.startedAt ? formatTime(d.last.startedAt) : '—'),
    },
    {
      key: 'items',
      header: 'Last items',
      cell: (d) =>
        d.last
          ? `${d.last.created} new / ${d.last.fetched} fetched${d.last.failed ? `, ${d.last.failed} failed` : ''}`
          : '—',
    },
    {
      key: 'next',
      header: 'Next run',
      cell: (d) => (d.scheduleKind === 'listen' ? 'listening' : d.nextRunAt ? formatTime(d.nextRunAt) : '—'),
    },
    { key: 'lag', header: 'Lag', cell: (d) => formatMs(d.last?.lagMs) },
    {
      key: 'error',
      header: 'Error',
      cell: (d) =>
        d.state === 'failed' ? (
          <span className="text-xs text-red-700">{d.last?.error ?? d.lastError}</span>
        ) : (
          ''
        ),
    },
  ];
  return (
    <div className="space-y-4">
      <SectionCard
        title="Daemons"
        actions={
          tenantId ? (
            <Link
              className="text-sm text-blue-700 hover:underline"
              href={`/console/daemons/new?tenant=${tenantId}`}
            >
              New daemon
            </Link>
          ) : undefined
        }
      >
        {daemons.error ? (
          <p className="text-sm text-red-700">{daemons.error.message}</p>
        ) : daemons.data && daemons.data.length === 0 ? (
          <EmptyState title="No daemons">Pick a tenant above and create one from a template.</EmptyState>
        ) : (
          <DataTable
            columns={columns}
            rows={daemons.data ?? []}
            rowKey={(d) => d.id}
            caption="Daemons with live state"
          />
        )}
      </SectionCard>
    </div>
  );
}
