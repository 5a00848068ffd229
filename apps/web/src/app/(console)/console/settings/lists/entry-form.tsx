'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';

const LISTS = ['allow', 'block', 'asset', 'vip', 'alias'] as const;
type ListKind = (typeof LISTS)[number];

export function EntryForm({
  tenantId,
  list,
  canEditMssp,
  onSaved,
}: {
  tenantId: string;
  list: ListKind;
  canEditMssp: boolean;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.lists.upsert.mutationOptions({ onSuccess: () => onSaved() }));
  const [form, setForm] = useState({
    matchKind: 'value' as 'value' | 'pattern' | 'cidr',
    value: '',
    criticality: 'high' as 'low' | 'medium' | 'high' | 'critical',
    reason: '',
    owner: '',
    expiresAt: '',
    mssp: false,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        tenantId,
        scope: form.mssp ? 'mssp' : 'tenant',
        entry: {
          list,
          matchKind: form.matchKind,
          value: form.value,
          criticality: list === 'asset' ? form.criticality : null,
          reason: form.reason,
          owner: form.owner,
          expiresAt: form.expiresAt ? new Date(form.expiresAt) : null,
        },
      },
      { onSuccess: () => setForm((f) => ({ ...f, value: '', reason: '' })) },
    );
  };
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-3"
      aria-label="Add entry"
    >
      <label className="text-xs text-slate-600">
        Match
        <select
          className={`${input} block`}
          value={form.matchKind}
          onChange={(e) => setForm({ ...form, matchKind: e.target.value as typeof form.matchKind })}
        >
          <option value="value">value</option>
          <option value="pattern">pattern (* ?)</option>
          <option value="cidr">CIDR</option>
        </select>
      </label>
      <label className="text-xs text-slate-600">
        Value
        <input
          required
          className={`${input} block w-56`}
          value={form.value}
          onChange={(e) => setForm({ ...form, value: e.target.value })}
        />
      </label>
      {list === 'asset' ? (
        <label className="text-xs text-slate-600">
          Criticality
          <select
            className={`${input} block`}
            value={form.criticality}
            onChange={(e) => setForm({ ...form, criticality: e.target.value as typeof form.criticality })}
          >
            {(['low', 'medium', 'high', 'critical'] as const).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="text-xs text-slate-600">
        Reason
        <input
          className={`${input} block w-48`}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        Owner
        <input
          className={`${input} block w-32`}
          value={form.owner}
          onChange={(e) => setForm({ ...form, owner: e.target.value })}
        />
      </label>
      <label className="text-xs text-slate-600">
        Expires
        <input
          type="date"
          className={`${input} block`}
          value={form.expiresAt}
          onChange={(e) => setForm({ ...form, expiresAt: e.target.value })}
        />
      </label>
      {canEditMssp ? (
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={form.mssp}
            onChange={(e) => setForm({ ...form, mssp: e.target.checked })}
          />
          MSSP-wide
        </label>
      ) : null}
      <button
        type="submit"
        disabled={save.isPending}
        className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-40"
      >
        Add
      </button>
      {save.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
