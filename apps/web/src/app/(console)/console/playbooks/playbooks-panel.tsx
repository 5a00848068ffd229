'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { statusTone } from './status-tone';

type Playbook = RouterOutputs['playbook']['list'][number];
type Run = RouterOutputs['playbook']['runs'][number];
const STATUSES = ['running', 'succeeded', 'failed', 'cancelled'] as const;

export function PlaybooksPanel() {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Playbooks are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantPlaybooks tenantId={tenantId} />;
}

function TenantPlaybooks({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const playbooks = useQuery(trpc.playbook.list.queryOptions({ tenantId }));
  const [playbookId, setPlaybookId] = useState('');
  const [status, setStatus] = useState('');
  const runs = useQuery({
    ...trpc.playbook.runs.queryOptions({
      tenantId,
      ...(playbookId ? { playbookId } : {}),
      ...(status ? { status: [status as (typeof STATUSES)[number]] } : {}),
    }),
    refetchInterval: 3000,
  });
  const q = `?tenant=${tenantId}`;

  const columns: Column<Playbook>[] = [
    {
      key: 'name',
      header: 'Playbook',
      cell: (p) => (
        <Link className="font-medium text-blue-700 hover:underline" href={`/console/playbooks/${p.id}${q}`}>
          {p.name}
        </Link>
      ),
    },
    { key: 'slug', header: 'Id', cell: (p) => <code className="text-xs">{p.slug}</code> },
    { key: 'trigger', header: 'Trigger', cell: (p) => p.triggerType },
    { key: 'version', header: 'Version', cell: (p) => `v${p.currentVersion}` },
    {
      key: 'origin',
      header: 'Origin',
      cell: (p) =>
        p.templateId ? <Badge tone="info">MSSP template {p.templateId}</Badge> : <Badge>tenant</Badge>,
    },
    { key: 'updated', header: 'Updated', cell: (p) => formatTime(p.updatedAt) },
  ];
  const runColumns: Column<Run>[] = [
    {
      key: 'run',
      header: 'Run',
      cell: (r) => (
        <Link className="text-blue-700 hover:underline" href={`/console/playbooks/runs/${r.id}${q}`}>
          {r.name} v{r.version}
        </Link>
      ),
    },
    { key: 'status', header: 'Status', cell: (r) => <Badge tone={statusTone(r.status)}>{r.status}</Badge> },
    { key: 'trigger', header: 'Trigger', cell: (r) => `${r.trigger}${r.dryRun ? ' (dry run)' : ''}` },
    { key: 'started', header: 'Started', cell: (r) => formatTime(r.startedAt) },
    {
      key: 'took',
      header: 'Duration',
      cell: (r) =>
        r.finishedAt ? `${((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1)} s` : '…',
    },
    {
      key: 'error',
      header: 'Error',
      cell: (r) => <span className="text-xs text-red-700">{r.error ?? ''}</span>,
    },
  ];

  return (
    <div className="space-y-6">
      <SectionCard
        title="Playbooks"
        actions={
          <Link
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white"
            href={`/console/playbooks/new${q}`}
          >
            New playbook
          </Link>
        }
      >
        {playbooks.error ? <p className="text-sm text-red-700">{playbooks.error.message}</p> : null}
        <DataTable
          columns={columns}
          rows={playbooks.data ?? []}
          rowKey={(p) => p.id}
          empty={<EmptyState title="No playbooks">This tenant has no playbooks yet.</EmptyState>}
        />
      </SectionCard>
      <SectionCard
        title="Run history"
        actions={
          <div className="flex gap-2 text-sm">
            <select
              aria-label="Filter by playbook"
              className="rounded-md border border-slate-300 px-2 py-1"
              value={playbookId}
              onChange={(e) => setPlaybookId(e.target.value)}
            >
              <option value="">All playbooks</option>
              {(playbooks.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Filter by status"
              className="rounded-md border border-slate-300 px-2 py-1"
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            >
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        }
      >
        <DataTable
          columns={runColumns}
          rows={runs.data ?? []}
          rowKey={(r) => r.id}
          empty={<EmptyState title="No runs">No run matches these filters.</EmptyState>}
        />
      </SectionCard>
    </div>
  );
}
