'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Policy = RouterOutputs['sla']['settings']['policies'][number];
type Step = Policy['escalation'][number];

const RECIPIENTS = [
  { id: 'soc_management', label: 'SOC management' },
  { id: 'assignee', label: 'Assignee' },
  { id: 'primary', label: 'Client primary contact' },
  { id: 'escalation', label: 'Client escalation contacts' },
] as const;

const input = 'rounded border border-slate-300 px-2 py-1 text-sm';

/** Minutes as typed: empty = no target; otherwise a whole positive number or null with a problem. */
function minutes(text: string): { value: number | null; problem: string | null } {
  if (text.trim() === '') return { value: null, problem: null };
  const n = Number(text);
  return Number.isInteger(n) && n > 0
    ? { value: n, problem: null }
    : { value: null, problem: 'whole minutes > 0' };
}

/** One severity's SLA: targets, calendar, warnings (percent) and the escalation chain. */
export function SlaPolicyForm({
  tenantId,
  policy,
  canEdit,
}: {
  tenantId: string;
  policy: Policy;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(policy.enabled);
  const [assign, setAssign] = useState(policy.assignMinutes?.toString() ?? '');
  const [resolve, setResolve] = useState(policy.resolveMinutes?.toString() ?? '');
  const [calendar, setCalendar] = useState(policy.calendar);
  const [warnings, setWarnings] = useState(
    policy.warningFractions.map((f) => Math.round(f * 100)).join(', '),
  );
  const [steps, setSteps] = useState<Step[]>(policy.escalation);
  const save = useMutation(
    trpc.sla.savePolicy.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sla.settings.queryKey() }),
    }),
  );

  const a = minutes(assign);
  const r = minutes(resolve);
  const percents = warnings
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)
    .map(Number);
  const warningProblem = percents.every((p) => Number.isFinite(p) && p > 0 && p < 100)
    ? null
    : 'percentages between 1 and 99, comma separated';
  const problem = a.problem ?? r.problem ?? warningProblem;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    save.mutate({
      tenantId,
      policy: {
        severity: policy.severity,
        enabled,
        assignMinutes: a.value,
        resolveMinutes: r.value,
        calendar,
        warningFractions: percents.map((p) => p / 100),
        escalation: steps,
      },
    });
  };
  const patchStep = (i: number, patch: Partial<Step>) =>
    setSteps((s) => s.map((step, j) => (j === i ? { ...step, ...patch } : step)));

  return (
    <form
      onSubmit={submit}
      aria-label={`${policy.severity} SLA policy`}
      className="rounded border border-slate-200 p-3"
    >
      <fieldset disabled={!canEdit || save.isPending} className="space-y-3">
        <legend className="flex items-center gap-2 text-sm">
          <IncidentSeverityBadge severity={policy.severity} />
          {policy.custom ? null : <span className="text-xs text-slate-500">built-in default</span>}
        </legend>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> SLA
            applies
          </label>
          <label>
            Assign within{' '}
            <input
              value={assign}
              onChange={(e) => setAssign(e.target.value)}
              inputMode="numeric"
              aria-invalid={a.problem !== null}
              className={`${input} w-20`}
            />{' '}
            min
          </label>
          <label>
            Resolve within{' '}
            <input
              value={resolve}
              onChange={(e) => setResolve(e.target.value)}
              inputMode="numeric"
              aria-invalid={r.problem !== null}
              className={`${input} w-24`}
            />{' '}
            min
          </label>
          <label>
            Counting{' '}
            <select
              value={calendar}
              onChange={(e) => setCalendar(e.target.value as Policy['calendar'])}
              className={input}
            >
              <option value="24x7">24x7</option>
              <option value="business_hours">business hours</option>
            </select>
          </label>
          <label>
            Warn at{' '}
            <input
              value={warnings}
              onChange={(e) => setWarnings(e.target.value)}
              aria-invalid={warningProblem !== null}
              className={`${input} w-28`}
            />{' '}
            %
          </label>
        </div>
        <div className="space-y-1 text-sm">
          <p className="text-slate-700">Escalation chain (after the breach, in order):</p>
          {steps.length === 0 ? (
            <p className="text-xs text-slate-500">
              No escalation: a breach notifies the assignee, or SOC management while unassigned.
            </p>
          ) : null}
          {steps.map((step, i) => (
            // Steps have no id of their own; their place in the list is what the chain is.
            // biome-ignore lint/suspicious/noArrayIndexKey: edited in place, order is the identity
            <div key={i} className="flex flex-wrap items-center gap-2">
              <span className="w-14 text-slate-500">Step {i + 1}</span>
              <select
                value={step.timer}
                onChange={(e) => patchStep(i, { timer: e.target.value as Step['timer'] })}
                className={input}
                aria-label="Timer"
              >
                <option value="assign">assign breach</option>
                <option value="resolve">resolve breach</option>
              </select>
              +
              <input
                value={step.afterMinutes}
                onChange={(e) =>
                  patchStep(i, { afterMinutes: Math.max(0, Math.floor(Number(e.target.value) || 0)) })
                }
                inputMode="numeric"
                aria-label="Minutes after the breach"
                className={`${input} w-16`}
              />
              min →
              {RECIPIENTS.map((who) => (
                <label key={who.id} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={step.notify.includes(who.id)}
                    onChange={(e) =>
                      patchStep(i, {
                        notify: e.target.checked
                          ? [...step.notify, who.id]
                          : step.notify.filter((n) => n !== who.id),
                      })
                    }
                  />
                  {who.label}
                </label>
              ))}
              <button
                type="button"
                onClick={() => setSteps((s) => s.filter((_, j) => j !== i))}
                className="text-red-700 hover:underline"
              >
                remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              setSteps((s) => [...s, { timer: 'resolve', afterMinutes: 0, notify: ['soc_management'] }])
            }
            className="text-sky-800 hover:underline"
          >
            + add step
          </button>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={problem !== null}
            className="rounded bg-slate-900 px-3 py-1 text-sm text-white disabled:opacity-50"
          >
            Save {policy.severity}
          </button>
          {problem ? <span className="text-xs text-amber-700">{problem}</span> : null}
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
