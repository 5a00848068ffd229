'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Week = RouterOutputs['sla']['settings']['weeklyHours'];
type Day = keyof Week;

const DAYS: [Day, string][] = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
];

const toText = (intervals: [string, string][]) => intervals.map(([s, e]) => `${s}-${e}`).join(', ');

/** `09:00-12:00, 13:00-17:00` → intervals; the server checks order and overlaps. */
function parseDay(text: string): [string, string][] | null {
  if (text.trim() === '') return [];
  const parts = text.split(',').map((p) => p.trim().match(/^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/));
  if (parts.some((m) => !m)) return null;
  return parts.map((m) => [m?.[1] ?? '', m?.[2] ?? ''] as [string, string]);
}

/** The tenant's working week for business-hours SLAs, one line of intervals per day (empty = closed). */
export function BusinessHoursForm({
  tenantId,
  initial,
  custom,
  canEdit,
}: {
  tenantId: string;
  initial: Week;
  custom: boolean;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState<Record<Day, string>>(
    Object.fromEntries(DAYS.map(([d]) => [d, toText(initial[d])])) as Record<Day, string>,
  );
  const save = useMutation(
    trpc.sla.saveBusinessHours.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sla.settings.queryKey() }),
    }),
  );
  const parsed = DAYS.map(([d]) => [d, parseDay(text[d])] as const);
  const bad = parsed.filter(([, v]) => v === null).map(([d]) => DAYS.find(([x]) => x === d)?.[1]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bad.length > 0) return;
    save.mutate({ tenantId, weeklyHours: Object.fromEntries(parsed) as Week });
  };
  return (
    <form onSubmit={submit} aria-label="Business hours">
      <fieldset disabled={!canEdit || save.isPending} className="space-y-2 text-sm">
        {custom ? null : (
          <p className="text-xs text-slate-500">Built-in default: Monday to Friday, 09:00–17:00.</p>
        )}
        {DAYS.map(([d, label]) => (
          <label key={d} className="flex items-center gap-2">
            <span className="w-24">{label}</span>
            <input
              value={text[d]}
              onChange={(e) => setText((t) => ({ ...t, [d]: e.target.value }))}
              placeholder="closed"
              aria-invalid={parseDay(text[d]) === null}
              className="w-64 rounded border border-slate-300 px-2 py-1"
            />
          </label>
        ))}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={bad.length > 0}
            className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-50"
          >
            Save business hours
          </button>
          {bad.length > 0 ? (
            <span className="text-xs text-amber-700">
              Use HH:MM-HH:MM, comma separated ({bad.join(', ')})
            </span>
          ) : null}
          {save.error ? (
            <span role="alert" className="text-xs text-red-700">
              {save.error.message}
            </span>
          ) : null}
          {save.data ? (
            <span role="status" className="text-xs text-emerald-700">
              Saved; {save.data.reevaluated} running clock{save.data.reevaluated === 1 ? '' : 's'}{' '}
              re-evaluated.
            </span>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
