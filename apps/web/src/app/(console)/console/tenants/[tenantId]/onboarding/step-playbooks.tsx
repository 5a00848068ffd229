'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { primaryButton } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';
import { StepFooter } from './step-footer';
import type { StepProps } from './step-props';

/** The tenant's copy of the MSSP master playbook and its nested playbooks. */
export function StepPlaybooks({ tenantId, onDone, saving }: StepProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const playbooks = useQuery(trpc.playbook.list.queryOptions({ tenantId }));
  const install = useMutation(
    trpc.onboarding.installPlaybooks.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.playbook.list.queryKey({ tenantId }) }),
    }),
  );
  const rows = playbooks.data ?? [];
  return (
    <div className="space-y-4">
      <ul className="space-y-1 text-sm">
        {rows.length === 0 ? <li className="text-slate-500">No playbooks yet.</li> : null}
        {rows.map((p) => (
          <li key={p.id}>
            <a
              href={`/console/playbooks/${p.id}?tenant=${tenantId}`}
              className="text-sky-800 hover:underline"
            >
              {p.name}
            </a>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={primaryButton}
        disabled={install.isPending}
        onClick={() => install.mutate({ tenantId })}
      >
        {install.isPending ? 'Copying…' : 'Copy the MSSP master playbook'}
      </button>
      {install.data ? (
        <p role="status" className="text-sm text-emerald-700">
          {install.data.installed.length > 0
            ? `Installed: ${install.data.installed.join(', ')}`
            : 'The tenant already has every default playbook.'}
        </p>
      ) : null}
      {install.error ? (
        <p role="alert" className="text-sm text-red-700">
          {install.error.message}
        </p>
      ) : null}
      <StepFooter disabled={saving || rows.length === 0} onContinue={() => onDone()} />
    </div>
  );
}
