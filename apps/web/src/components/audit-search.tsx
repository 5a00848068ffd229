'use client';

import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { FilterBar } from '@palisade/ui/filter-bar';
import { FilterField } from '@palisade/ui/filter-field';
import { JsonViewer } from '@palisade/ui/json-viewer';
import { Pagination } from '@palisade/ui/pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Entry = RouterOutputs['audit']['search']['items'][number];

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900';

type Filters = { tenantId: string; actor: string; action: string; text: string; from: string; to: string };
const EMPTY: Filters = { tenantId: '', actor: '', action: '', text: '', from: '', to: '' };

export interface AuditSearchProps {
  /** Tenants to filter by (console); none in the portal, whose scope is its own tenant. */
  tenants?: { id: string; name: string }[];
}

/** The searchable audit log: filters applied on submit, 50 entries a page, newest first. */
export function AuditSearch({ tenants }: AuditSearchProps) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const input = {
    ...(applied.tenantId ? { tenantId: applied.tenantId } : {}),
    ...(applied.actor ? { actor: applied.actor } : {}),
    ...(applied.action ? { action: applied.action } : {}),
    ...(applied.text ? { text: applied.text } : {}),
    // Date inputs are days: from the start of `from` to the end of `to`, in UTC.
    ...(applied.from ? { from: new Date(`${applied.from}T00:00:00Z`) } : {}),
    ...(applied.to ? { to: new Date(new Date(`${applied.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    page,
    pageSize: 50,
  };
  const result = useQuery({ ...trpc.audit.search.queryOptions(input), placeholderData: keepPreviousData });
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const columns: Column<Entry>[] = [
    { key: 'at', header: 'When', cell: (e) => <span className="whitespace-nowrap">{formatTime(e.at)}</span> },
    ...(tenants ? [{ key: 'tenant', header: 'Tenant', cell: (e: Entry) => e.tenantName }] : []),
    {
      key: 'actor',
      header: 'Who',
      cell: (e) =>
        e.actorEmail ??
        (e.actorUserId ? <code className="text-xs">{e.actorUserId.slice(0, 8)}</code> : 'system'),
    },
    { key: 'action', header: 'Action', cell: (e) => <code className="text-xs">{e.action}</code> },
    { key: 'target', header: 'Target', cell: (e) => <span className="break-all text-xs">{e.target}</span> },
    { key: 'ip', header: 'From', cell: (e) => e.ip ?? '—' },
    {
      key: 'change',
      header: 'Before / after',
      cell: (e) =>
        e.before === null && e.after === null ? (
          '—'
        ) : (
          <JsonViewer value={{ before: e.before, after: e.after }} summary="Show" />
        ),
    },
  ];

  const data = result.data;
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
          setPage(1);
        }}
      >
        <FilterBar
          label="Audit log filters"
          actions={
            <>
              <button
                type="submit"
                className="rounded-md bg-sky-700 px-3 py-1 text-sm text-white hover:bg-sky-800"
              >
                Search
              </button>
              <button
                type="button"
                className="text-sm text-slate-600 hover:underline"
                onClick={() => {
                  setDraft(EMPTY);
                  setApplied(EMPTY);
                  setPage(1);
                }}
              >
                Reset
              </button>
            </>
          }
        >
          {tenants ? (
            <FilterField label="Tenant" htmlFor="audit-tenant">
              <select id="audit-tenant" value={draft.tenantId} onChange={set('tenantId')} className={control}>
                <option value="">All tenants</option>
                {tenants.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </FilterField>
          ) : null}
          <FilterField label="Who" htmlFor="audit-actor">
            <input
              id="audit-actor"
              value={draft.actor}
              onChange={set('actor')}
              placeholder="email or name"
              className={control}
            />
          </FilterField>
          <FilterField label="Action" htmlFor="audit-action">
            <input
              id="audit-action"
              value={draft.action}
              onChange={set('action')}
              placeholder="e.g. user."
              className={control}
            />
          </FilterField>
          <FilterField label="Text" htmlFor="audit-text">
            <input
              id="audit-text"
              value={draft.text}
              onChange={set('text')}
              placeholder="target or values"
              className={control}
            />
          </FilterField>
          <FilterField label="From" htmlFor="audit-from">
            <input
              id="audit-from"
              type="date"
              value={draft.from}
              onChange={set('from')}
              className={control}
            />
          </FilterField>
          <FilterField label="To" htmlFor="audit-to">
            <input id="audit-to" type="date" value={draft.to} onChange={set('to')} className={control} />
          </FilterField>
        </FilterBar>
      </form>
      {result.error ? (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {result.error.message}
        </p>
      ) : null}
      <DataTable
        caption="Audit log"
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(e) => `${e.tenantId}:${e.id}`}
        empty={<EmptyState title={result.isLoading ? 'Loading…' : 'No audit entries match'} />}
      />
      <Pagination
        label="Audit log pages"
        status={data ? `Page ${data.page} of ${data.pages} · ${data.total} entries` : undefined}
        hasPrevious={page > 1}
        hasNext={data ? data.page < data.pages : false}
        onPrevious={() => setPage((p) => Math.max(1, p - 1))}
        onNext={() => setPage((p) => p + 1)}
      />
    </>
  );
}
