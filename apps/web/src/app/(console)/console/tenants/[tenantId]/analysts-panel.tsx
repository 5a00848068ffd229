'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { control, dangerButton, fieldLabel, primaryButton } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';

/** MSSP admins: which analysts see this tenant (queue, search, reports, KPIs). */
export function AnalystsPanel({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions({ tenantId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey({ tenantId }) });
  const assign = useMutation(trpc.users.assignAnalyst.mutationOptions({ onSuccess: () => refresh() }));
  const unassign = useMutation(trpc.users.unassignAnalyst.mutationOptions({ onSuccess: () => refresh() }));
  const [email, setEmail] = useState('');
  const analysts = (users.data?.users ?? []).filter((u) => u.role === 'analyst');
  const error = assign.error ?? unassign.error;

  return (
    <div className="space-y-3">
      <ul className="space-y-1 text-sm">
        {analysts.length === 0 ? <li className="text-slate-500">No analyst assigned yet.</li> : null}
        {analysts.map((a) => (
          <li key={a.id} className="flex items-center gap-3">
            <span>
              {a.name} <span className="text-xs text-slate-500">{a.email}</span>
            </span>
            <button
              type="button"
              className={dangerButton}
              disabled={unassign.isPending}
              onClick={() => unassign.mutate({ tenantId, userId: a.id })}
            >
              Unassign
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label="Assign an analyst"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          assign.mutate({ tenantId, email }, { onSuccess: () => setEmail('') });
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="assign-email" className={fieldLabel}>
            Staff email
          </label>
          <input
            id="assign-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={control}
          />
        </div>
        <button type="submit" disabled={assign.isPending} className={primaryButton}>
          Assign
        </button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
