'use client';

import { IocType } from '@palisade/ioc/ioc';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';

type Rule = RouterOutputs['contacts']['list']['tier1Rule'];
type Severity = Rule['severities'][number];
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
  on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

/** When the primary contact gets a tier 1 notice: any listed severity, or any listed artifact type. */
export function Tier1RuleForm({
  tenantId,
  rule,
  onSaved,
}: {
  tenantId: string;
  rule: Rule;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.contacts.saveTier1Rule.mutationOptions({ onSuccess: () => onSaved() }));
  const [form, setForm] = useState({
    enabled: rule.enabled,
    severities: rule.severities,
    artifactTypes: rule.artifactTypes as IocType[],
  });
  useEffect(
    () =>
      setForm({
        enabled: rule.enabled,
        severities: rule.severities,
        artifactTypes: rule.artifactTypes as IocType[],
      }),
    [rule],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ tenantId, rule: form });
  };
  return (
    <form onSubmit={submit} aria-label="Tier 1 rule" className="space-y-3 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
        />
        Send tier 1 notices to the primary contact
      </label>
      <fieldset disabled={!form.enabled} className="space-y-2 disabled:opacity-50">
        <legend className="text-xs text-slate-600">Notify for these severities</legend>
        <div className="flex flex-wrap gap-3">
          {SEVERITIES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={form.severities.includes(s)}
                onChange={(e) =>
                  setForm({ ...form, severities: toggle(form.severities, s, e.target.checked) })
                }
              />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!form.enabled} className="space-y-2 disabled:opacity-50">
        <legend className="text-xs text-slate-600">
          …or when the incident has an artifact of these types
        </legend>
        <div className="flex flex-wrap gap-3">
          {IocType.options.map((t) => (
            <label key={t} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={form.artifactTypes.includes(t)}
                onChange={(e) =>
                  setForm({ ...form, artifactTypes: toggle(form.artifactTypes, t, e.target.checked) })
                }
              />
              <code className="text-xs">{t}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded bg-sky-700 px-3 py-1 text-white disabled:opacity-40"
        >
          {save.isPending ? 'Saving…' : 'Save rule'}
        </button>
        {save.isSuccess ? <span className="text-emerald-700">Saved.</span> : null}
        {!rule.saved ? <span className="text-slate-500">Not saved yet: the defaults apply.</span> : null}
        {save.error ? (
          <span role="alert" className="text-red-700">
            {save.error.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
