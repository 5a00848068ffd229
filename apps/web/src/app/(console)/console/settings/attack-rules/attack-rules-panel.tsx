'use client';

import { type Column, DataTable } from '@palisade/ui/data-table';
import { EmptyState } from '@palisade/ui/empty-state';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Rule = RouterOutputs['attackRules']['list'][number];

export function AttackRulesPanel() {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Mapping rules are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantRules tenantId={tenantId} />;
}

function TenantRules({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.attackRules.list.queryOptions({ tenantId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.attackRules.list.queryKey() });
  const create = useMutation(trpc.attackRules.create.mutationOptions({ onSuccess: () => refresh() }));
  const remove = useMutation(trpc.attackRules.remove.mutationOptions({ onSuccess: () => refresh() }));
  const [form, setForm] = useState({
    field: 'rule_name' as 'rule_name' | 'source',
    pattern: '',
    techniqueId: '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { tenantId, ...form },
      { onSuccess: () => setForm({ ...form, pattern: '', techniqueId: '' }) },
    );
  };
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  const columns: Column<Rule>[] = [
    { key: 'field', header: 'Field', cell: (r) => (r.field === 'rule_name' ? 'rule name' : 'source') },
    { key: 'pattern', header: 'Pattern', cell: (r) => <code className="text-xs">{r.pattern}</code> },
    {
      key: 'technique',
      header: 'Technique',
      cell: (r) => (
        <>
          <code className="text-xs">{r.techniqueId}</code> {r.technique?.name ?? ''}{' '}
          <span className="text-xs text-slate-500">{r.technique?.tactics.join(', ')}</span>
        </>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      cell: (r) => (
        <button
          type="button"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ tenantId, id: r.id })}
          className="text-sm text-red-700 hover:underline disabled:opacity-40"
        >
          Delete
        </button>
      ),
    },
  ];
  return (
    <div className="space-y-4">
      <form
        onSubmit={submit}
        aria-label="Add mapping rule"
        className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-3"
      >
        <label className="text-xs text-slate-600">
          Field
          <select
            className={`${input} block`}
            value={form.field}
            onChange={(e) => setForm({ ...form, field: e.target.value as typeof form.field })}
          >
            <option value="rule_name">rule name</option>
            <option value="source">source (vendor product)</option>
          </select>
        </label>
        <label className="text-xs text-slate-600">
          Pattern (* ?)
          <input
            required
            className={`${input} block w-56`}
            value={form.pattern}
            onChange={(e) => setForm({ ...form, pattern: e.target.value })}
          />
        </label>
        <label className="text-xs text-slate-600">
          Technique id
          <input
            required
            placeholder="T1059.001"
            className={`${input} block w-32`}
            value={form.techniqueId}
            onChange={(e) => setForm({ ...form, techniqueId: e.target.value })}
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-40"
        >
          Add
        </button>
        {(create.error ?? remove.error) ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {(create.error ?? remove.error)?.message}
          </p>
        ) : null}
      </form>
      <DataTable
        caption="Mapping rules"
        columns={columns}
        rows={rules.data ?? []}
        rowKey={(r) => r.id}
        empty={
          rules.isPending ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : (
            <EmptyState title="No rules">Techniques then come only from the alerts themselves.</EmptyState>
          )
        }
      />
    </div>
  );
}
