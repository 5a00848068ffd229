'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { CsvImport } from './csv-import';
import { EntryForm } from './entry-form';

type Entry = RouterOutputs['lists']['list'][number];
const LISTS = [
  { id: 'allow', label: 'Allow list' },
  { id: 'block', label: 'Block list' },
  { id: 'asset', label: 'Assets' },
  { id: 'vip', label: 'VIP users' },
  { id: 'alias', label: 'Company aliases' },
] as const;

export function ListsPanel({ canEditMssp }: { canEditMssp: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Lists are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantLists tenantId={tenantId} canEditMssp={canEditMssp} />;
}

function TenantLists({ tenantId, canEditMssp }: { tenantId: string; canEditMssp: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [list, setList] = useState<(typeof LISTS)[number]['id']>('allow');
  const entries = useQuery(trpc.lists.list.queryOptions({ tenantId, list }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.lists.list.queryKey() });
  const remove = useMutation(trpc.lists.remove.mutationOptions({ onSuccess: () => refresh() }));
  const exportCsv = useMutation({
    mutationFn: (scope: 'tenant' | 'mssp') =>
      queryClient.fetchQuery(trpc.lists.export.queryOptions({ tenantId, list, scope })),
    onSuccess: ({ fileName, csv }) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  const now = Date.now();

  const columns: Column<Entry>[] = [
    {
      key: 'value',
      header: 'Value',
      cell: (e) => (
        <>
          <code className="text-xs">{e.value}</code>{' '}
          <span className="text-xs text-slate-500">{e.matchKind}</span>
        </>
      ),
    },
    {
      key: 'scope',
      header: 'Scope',
      cell: (e) => (
        <Badge tone={e.scope === 'mssp' ? 'info' : 'neutral'}>
          {e.scope === 'mssp' ? 'MSSP-wide' : 'tenant'}
        </Badge>
      ),
    },
    ...(list === 'asset'
      ? [{ key: 'criticality', header: 'Criticality', cell: (e: Entry) => e.criticality ?? '' }]
      : []),
    { key: 'reason', header: 'Reason', cell: (e) => e.reason },
    { key: 'owner', header: 'Owner', cell: (e) => e.owner },
    { key: 'source', header: 'Source', cell: (e) => <span className="text-xs">{e.source}</span> },
    {
      key: 'expires',
      header: 'Expires',
      cell: (e) =>
        e.expiresAt ? (
          <span className={e.expiresAt.getTime() <= now ? 'text-slate-400 line-through' : ''}>
            {formatTime(e.expiresAt)}
          </span>
        ) : (
          'never'
        ),
    },
    {
      key: 'actions',
      header: 'Actions',
      cell: (e) =>
        e.scope === 'tenant' || canEditMssp ? (
          <button
            type="button"
            disabled={remove.isPending}
            aria-label={`Delete ${e.value}`}
            onClick={() => remove.mutate({ tenantId, scope: e.scope, ids: [e.id] })}
            className="text-sm text-red-700 hover:underline disabled:opacity-40"
          >
            Delete
          </button>
        ) : null,
    },
  ];

  return (
    <div className="space-y-4">
      <div role="tablist" className="flex gap-2">
        {LISTS.map((l) => (
          <button
            key={l.id}
            type="button"
            role="tab"
            aria-selected={l.id === list}
            onClick={() => setList(l.id)}
            className={`rounded px-3 py-1 text-sm ${l.id === list ? 'bg-sky-700 text-white' : 'border border-slate-300'}`}
          >
            {l.label}
          </button>
        ))}
      </div>
      <EntryForm tenantId={tenantId} list={list} canEditMssp={canEditMssp} onSaved={refresh} />
      <CsvImport tenantId={tenantId} list={list} onImported={refresh} />
      <div className="flex gap-2 text-sm">
        <button
          type="button"
          onClick={() => exportCsv.mutate('tenant')}
          className="text-sky-800 hover:underline"
        >
          Export tenant entries (CSV)
        </button>
        <button
          type="button"
          onClick={() => exportCsv.mutate('mssp')}
          className="text-sky-800 hover:underline"
        >
          Export MSSP-wide entries (CSV)
        </button>
      </div>
      {remove.error ? (
        <p role="alert" className="text-sm text-red-700">
          {remove.error.message}
        </p>
      ) : null}
      <DataTable
        caption={LISTS.find((l) => l.id === list)?.label ?? 'Entries'}
        columns={columns}
        rows={entries.data ?? []}
        rowKey={(e) => `${e.scope}:${e.id}`}
        empty={
          entries.isPending ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : (
            <EmptyState title="No entries">Add one above or import a CSV file.</EmptyState>
          )
        }
      />
    </div>
  );
}
