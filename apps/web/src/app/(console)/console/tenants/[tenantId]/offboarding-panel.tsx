'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { control, dangerButton, fieldLabel, primaryButton } from '@/components/form-styles';
import { useTRPC } from '@/trpc/react';

export interface OffboardingPanelProps {
  tenantId: string;
  slug: string;
  status: 'active' | 'suspended';
}

/** MSSP admins: suspend / reactivate, download everything, delete (suspended first, slug typed). */
export function OffboardingPanel({ tenantId, slug, status }: OffboardingPanelProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirm, setConfirm] = useState('');
  const setStatus = useMutation(
    trpc.offboarding.setStatus.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const remove = useMutation(
    trpc.offboarding.delete.mutationOptions({ onSuccess: () => router.push('/console/tenants') }),
  );
  const preview = useQuery(trpc.offboarding.preview.queryOptions({ tenantId }));
  const rows = Object.entries(preview.data ?? {}).filter(([, n]) => n > 0);
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const error = setStatus.error ?? remove.error;

  return (
    <div className="space-y-5 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        {status === 'active' ? (
          <button
            type="button"
            className={dangerButton}
            disabled={setStatus.isPending}
            onClick={() => {
              if (
                window.confirm(
                  'Suspend this tenant? Ingest is refused, daemons stop and the portal is locked.',
                )
              )
                setStatus.mutate({ tenantId, status: 'suspended' });
            }}
          >
            Suspend tenant
          </button>
        ) : (
          <button
            type="button"
            className={primaryButton}
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ tenantId, status: 'active' })}
          >
            Reactivate tenant
          </button>
        )}
        <a href={`/api/tenants/${tenantId}/export`} className="text-sky-800 hover:underline" download>
          Download all data (zip)
        </a>
      </div>
      <p className="text-slate-600">
        {preview.data ? `${total} rows in ${rows.length} tables.` : 'Counting rows…'} The archive holds one
        NDJSON file per table, the users, the report PDFs and a manifest.
      </p>
      {status === 'suspended' ? (
        <form
          aria-label="Delete tenant"
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate({ tenantId, confirmSlug: confirm });
          }}
        >
          <p className="text-red-900">
            Deleting removes every row of this tenant ({total} rows) and its client users. It cannot be
            undone: download the archive first.
          </p>
          <div className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="delete-confirm" className={fieldLabel}>
                Type <code>{slug}</code> to confirm
              </label>
              <input
                id="delete-confirm"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
                className={control}
              />
            </div>
            <button
              type="submit"
              disabled={confirm !== slug || remove.isPending}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-40"
            >
              {remove.isPending ? 'Deleting…' : 'Delete tenant'}
            </button>
          </div>
        </form>
      ) : (
        <p className="text-slate-500">Suspend the tenant to delete it.</p>
      )}
      {error ? (
        <p role="alert" className="text-red-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
