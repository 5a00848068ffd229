'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { control, fieldLabel, primaryButton } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

/**
 * Daemons from templates (DAEMON's `daemons.*`): pick a shipped template, adapt its YAML (inputs,
 * schedule, mapping), save; errors come back with line and column and nothing is stored.
 */
export function StepDaemons({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.daemons.templates.queryOptions());
  const daemons = useQuery(trpc.daemons.list.queryOptions({ tenantId }));
  const save = useMutation(
    trpc.daemons.save.mutationOptions({
      onSuccess: (r) => {
        if (r.ok) {
          setYaml('');
          void queryClient.invalidateQueries({ queryKey: trpc.daemons.list.queryKey({ tenantId }) });
        }
      },
    }),
  );
  const [yaml, setYaml] = useState('');
  const errors = save.data && !save.data.ok ? save.data.errors : [];

  return (
    <div className="space-y-4">
      <ul className="space-y-1 text-sm">
        {(daemons.data ?? []).length === 0 ? <li className="text-slate-500">No daemons yet.</li> : null}
        {(daemons.data ?? []).map((d) => (
          <li key={d.id}>
            {d.name} <code className="text-xs">{d.kind}</code> {d.enabled ? '' : '(disabled)'}
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-1">
        <label htmlFor="daemon-template" className={fieldLabel}>
          Start from a template
        </label>
        <select
          id="daemon-template"
          defaultValue=""
          onChange={(e) => setYaml(templates.data?.find((t) => t.file === e.target.value)?.yaml ?? '')}
          className={`${control} w-80`}
        >
          <option value="" disabled>
            Choose…
          </option>
          {(templates.data ?? []).map((t) => (
            <option key={t.file} value={t.file}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      {yaml ? (
        <>
          <label htmlFor="daemon-yaml" className={fieldLabel}>
            Daemon definition (YAML)
          </label>
          <textarea
            id="daemon-yaml"
            rows={14}
            value={yaml}
            onChange={(e) => setYaml(e.target.value)}
            className={`${control} w-full font-mono text-xs`}
          />
          <button
            type="button"
            className={primaryButton}
            disabled={save.isPending}
            onClick={() => save.mutate({ tenantId, yaml })}
          >
            Save daemon
          </button>
        </>
      ) : null}
      {errors.length > 0 ? (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-700">
          {errors.map((e) => (
            <li key={`${e.line}:${e.column}:${e.message}`}>
              line {e.line}, column {e.column}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
      <p className="text-xs text-slate-500">
        Run, pause, reschedule and reset cursors on the{' '}
        <a href={`/console/daemons?tenant=${tenantId}`} className="text-sky-800 hover:underline">
          daemons page
        </a>
        .
      </p>
      <StepFooter disabled={saving} onContinue={() => onDone()} onSkip={() => onDone({ skipped: true })} />
    </div>
  );
}
