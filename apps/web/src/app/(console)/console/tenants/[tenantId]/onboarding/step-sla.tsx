'use client';

import type { SlaPolicyInput } from '@palisade/db/queries/sla/sla-policy-input';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { control } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

/** SLA templates: scale the built-in targets and pick the clock; every value stays editable below. */
const TEMPLATES = {
  standard: { label: 'Standard (built-in targets)', factor: 1, calendar: null },
  premium: { label: 'Premium 24x7 (half the targets, around the clock)', factor: 0.5, calendar: '24x7' },
  business: {
    label: 'Business hours (targets count working hours only)',
    factor: 1,
    calendar: 'business_hours',
  },
} as const;
type TemplateId = keyof typeof TEMPLATES;

type Policy = SlaPolicyInput;

const scaled = (minutes: number | null, factor: number) =>
  minutes === null ? null : Math.max(1, Math.round(minutes * factor));

/** SLA policy per severity, started from a template (SLA's `sla.settings` / `sla.savePolicy`). */
export function StepSla({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.sla.settings.queryOptions({ tenantId }));
  const save = useMutation(trpc.sla.savePolicy.mutationOptions());
  const [edited, setEdited] = useState<Policy[] | null>(null);
  const policies: Policy[] = edited ?? (settings.data?.policies as Policy[] | undefined) ?? [];

  const applyTemplate = (id: TemplateId) => {
    const base = (settings.data?.policies ?? []) as Policy[];
    const t = TEMPLATES[id];
    setEdited(
      base.map((p) => ({
        ...p,
        assignMinutes: scaled(p.assignMinutes, t.factor),
        resolveMinutes: scaled(p.resolveMinutes, t.factor),
        calendar: t.calendar ?? p.calendar,
      })),
    );
  };
  const update = (i: number, patch: Partial<Policy>) =>
    setEdited(policies.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const minutes = (v: string) => (v.trim() === '' ? null : Math.max(1, Number.parseInt(v, 10) || 1));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {(Object.keys(TEMPLATES) as TemplateId[]).map((id) => (
          <button
            key={id}
            type="button"
            disabled={!settings.data}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-40"
            onClick={() => applyTemplate(id)}
          >
            {TEMPLATES[id].label}
          </button>
        ))}
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">SLA per severity</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1">Severity</th>
            <th>On</th>
            <th>Assign within (min)</th>
            <th>Resolve within (min)</th>
            <th>Clock</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p, i) => (
            <tr key={p.severity} className="border-t border-slate-100">
              <td className="py-1 font-medium">{p.severity}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${p.severity} SLA enabled`}
                  checked={p.enabled}
                  onChange={(e) => update(i, { enabled: e.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={`${p.severity} assign minutes`}
                  inputMode="numeric"
                  value={p.assignMinutes ?? ''}
                  onChange={(e) => update(i, { assignMinutes: minutes(e.target.value) })}
                  className={`${control} w-24`}
                />
              </td>
              <td>
                <input
                  aria-label={`${p.severity} resolve minutes`}
                  inputMode="numeric"
                  value={p.resolveMinutes ?? ''}
                  onChange={(e) => update(i, { resolveMinutes: minutes(e.target.value) })}
                  className={`${control} w-24`}
                />
              </td>
              <td>
                <select
                  aria-label={`${p.severity} clock`}
                  value={p.calendar}
                  onChange={(e) => update(i, { calendar: e.target.value as Policy['calendar'] })}
                  className={control}
                >
                  <option value="24x7">24x7</option>
                  <option value="business_hours">business hours</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        Business hours, holidays and escalations are edited on the{' '}
        <a href={`/console/settings/sla?tenant=${tenantId}`} className="text-sky-800 hover:underline">
          SLA settings page
        </a>
        .
      </p>
      {(save.error ?? settings.error) ? (
        <p role="alert" className="text-sm text-red-700">
          {(save.error ?? settings.error)?.message}
        </p>
      ) : null}
      <StepFooter
        disabled={saving || save.isPending || policies.length === 0}
        onContinue={async () => {
          for (const policy of policies) await save.mutateAsync({ tenantId, policy });
          await queryClient.invalidateQueries({ queryKey: trpc.sla.settings.queryKey({ tenantId }) });
          onDone();
        }}
      />
    </div>
  );
}
