'use client';

import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { CloseAlertSettings } from './close-alert-settings';
import { CreateDataSourceForm } from './create-data-source-form';
import { RevealedKey } from './revealed-key';

type Source = RouterOutputs['dataSource']['list'][number];

export interface DataSourcesPanelProps {
  /** MSSP admins create sources and keys and revoke keys; analysts only see them. */
  canManage: boolean;
}

export function DataSourcesPanel({ canManage }: DataSourcesPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tenant = useSearchParams().get('tenant') ?? undefined;
  const sources = useQuery(trpc.dataSource.list.queryOptions({ tenantId: tenant }));
  const [revealed, setRevealed] = useState<{ sourceName: string; key: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.dataSource.list.queryKey() });

  const createKey = useMutation(trpc.dataSource.createKey.mutationOptions({ onSuccess: () => refresh() }));
  const revoke = useMutation(trpc.dataSource.revoke.mutationOptions({ onSuccess: () => refresh() }));
  const busy = createKey.isPending || revoke.isPending;
  const error = createKey.error ?? revoke.error;

  const columns: Column<Source>[] = [
    { key: 'tenant', header: 'Tenant', cell: (s) => s.tenantName },
    {
      key: 'name',
      header: 'Name',
      cell: (s) => (
        <>
          <span className="font-medium">{s.name}</span>
          {s.description ? <p className="text-xs text-slate-500">{s.description}</p> : null}
        </>
      ),
    },
    {
      key: 'mapper',
      header: 'Mapper',
      cell: (s) => (
        <code className="text-xs">{s.mapper.kind === 'builtin' ? s.mapper.name : s.mapper.kind}</code>
      ),
    },
    {
      key: 'closeAlert',
      header: 'Close on resolve',
      cell: (s) => <CloseAlertSettings source={s} canManage={canManage} onSaved={refresh} />,
    },
    {
      key: 'keys',
      header: 'API keys',
      cell: (s) => (
        <ul className="space-y-1">
          {s.keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-2 text-xs">
              <code className={k.revokedAt ? 'text-slate-400 line-through' : ''}>{k.prefix}…</code>
              <span className="text-slate-500">
                {k.revokedAt
                  ? `revoked ${formatTime(k.revokedAt)}`
                  : k.lastUsedAt
                    ? `last used ${formatTime(k.lastUsedAt)}`
                    : 'never used'}
              </span>
              {canManage && !k.revokedAt ? (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Revoke key ${k.prefix}`}
                  onClick={() => {
                    if (window.confirm(`Revoke key ${k.prefix}…? Senders using it get 401 at once.`))
                      revoke.mutate({ tenantId: s.tenantId, keyId: k.id });
                  }}
                  className="text-red-700 hover:underline disabled:opacity-40"
                >
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: 'Actions',
            cell: (s: Source) => (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  createKey.mutate(
                    { tenantId: s.tenantId, dataSourceId: s.id },
                    { onSuccess: (k) => setRevealed({ sourceName: s.name, key: k.key }) },
                  )
                }
                className="text-sm text-sky-800 hover:underline disabled:opacity-40"
              >
                New key
              </button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      {canManage ? (
        <CreateDataSourceForm
          onCreated={(created) => {
            setRevealed({ sourceName: created.dataSource.name, key: created.apiKey.key });
            refresh();
          }}
        />
      ) : (
        <p className="text-sm text-slate-600">Only MSSP admins create data sources and keys.</p>
      )}
      {revealed ? <RevealedKey sourceName={revealed.sourceName} apiKey={revealed.key} /> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <DataTable
        caption="Data sources"
        columns={columns}
        rows={sources.data ?? []}
        rowKey={(s) => `${s.tenantId}:${s.id}`}
        empty={
          sources.isPending ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : (
            <EmptyState title="No data sources yet">
              An MSSP admin creates one per sender; its API key authenticates POST /api/ingest/v1/alerts.
            </EmptyState>
          )
        }
      />
    </div>
  );
}
