'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';

/** Days without business hours (in the tenant's timezone): add, rename (same day) or remove. */
export function HolidaysForm({
  tenantId,
  holidays,
  canEdit,
}: {
  tenantId: string;
  holidays: string[];
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sla.settings.queryKey() });
  const add = useMutation(trpc.sla.addHoliday.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.sla.removeHoliday.mutationOptions({ onSuccess: refresh }));
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ tenantId, holiday: { day, name } }, { onSuccess: () => setName('') });
  };
  const error = add.error ?? remove.error;
  return (
    <div className="space-y-3 text-sm">
      {holidays.length === 0 ? (
        <p className="text-slate-500">No holidays: business hours run every working day.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {holidays.map((h) => (
            <li key={h} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 tabular-nums">
              {h}
              {canEdit ? (
                <button
                  type="button"
                  aria-label={`Remove ${h}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ tenantId, day: h })}
                  className="text-red-700 hover:underline"
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={submit} aria-label="Add holiday" className="flex flex-wrap items-center gap-2">
          <input
            type="date"
            required
            value={day}
            onChange={(e) => setDay(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
          />
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Name (e.g. New Year)"
            maxLength={100}
            className="rounded border border-slate-300 px-2 py-1"
          />
          <button
            type="submit"
            disabled={add.isPending}
            className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
          >
            Add holiday
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
