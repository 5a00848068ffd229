'use client';

import { Badge } from '@palisade/ui/badge';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { DaemonCredentialForm } from './daemon-credential-form';
import { EFFECTIVE } from './effective-status';
import { FormFieldInput, filledValues } from './form-field-input';

type DaemonCredential = Extract<RouterOutputs['integrations']['list'][number], { category: 'daemon' }>;

/**
 * A daemon connector credential: whether it is set (never its value), when it changed, a form to
 * set it and a connection test with the vendor client the daemon uses, showing its reason on failure.
 */
export function DaemonCredentialCard({
  tenantId,
  credential: c,
  canManage,
  onChanged,
}: {
  tenantId: string;
  credential: DaemonCredential;
  canManage: boolean;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const test = useMutation(trpc.integrations.testConnection.mutationOptions());
  const clear = useMutation(
    trpc.integrations.clearCredential.mutationOptions({ onSuccess: () => onChanged() }),
  );
  const [params, setParams] = useState<Record<string, string>>({});
  const effective = EFFECTIVE[c.status?.effective ?? 'none'];
  const url = c.status?.tenant?.baseUrl ?? c.status?.mssp?.baseUrl;
  return (
    <SectionCard title={c.name}>
      <div className="space-y-2 text-sm">
        <p>
          <Badge tone={effective.tone}>{effective.label}</Badge>{' '}
          <span className="text-xs text-slate-500">
            credential <code>{c.id}</code> · daemons: {c.connectorKinds.join(', ')}
          </span>
        </p>
        <p className="text-xs text-slate-600">
          Tenant secret: {c.status?.tenant?.configured ? 'set' : 'not set'}
          {c.status?.tenant ? ` (updated ${formatTime(c.status.tenant.updatedAt)})` : ''} · MSSP default:{' '}
          {c.status?.mssp?.configured
            ? `set${c.status.mssp.sharedWithTenants ? ', shared' : ', not shared'} (updated ${formatTime(c.status.mssp.updatedAt)})`
            : 'not set'}
          {url ? ` · URL ${url}` : ''}
        </p>
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={`Test ${c.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            test.mutate({ tenantId, provider: c.id, params: filledValues(params) });
          }}
        >
          {c.testParams.map((f) => (
            <FormFieldInput
              key={f.key}
              field={f}
              value={params[f.key] ?? ''}
              onChange={(v) => setParams((old) => ({ ...old, [f.key]: v }))}
            />
          ))}
          <button
            type="submit"
            disabled={test.isPending}
            className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40"
          >
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
        </form>
        {test.error ? (
          <p role="alert" className="text-red-700">
            {test.error.message}
          </p>
        ) : null}
        {test.data ? (
          <p role="status" className={test.data.ok ? 'text-emerald-700' : 'text-red-700'}>
            {test.data.ok ? test.data.message : `Failed: ${test.data.message}`} ({test.data.source}{' '}
            credentials)
          </p>
        ) : null}
        {canManage ? (
          <>
            <DaemonCredentialForm
              tenantId={tenantId}
              credentialId={c.id}
              kind={c.kind}
              fields={c.fields}
              baseUrlLabel={c.baseUrl?.label ?? null}
              onSaved={onChanged}
            />
            {c.status?.tenant ? (
              <button
                type="button"
                disabled={clear.isPending}
                onClick={() => clear.mutate({ tenantId, provider: c.id, scope: 'tenant' })}
                className="text-sm text-red-700 hover:underline disabled:opacity-40"
              >
                Clear tenant credentials
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </SectionCard>
  );
}
