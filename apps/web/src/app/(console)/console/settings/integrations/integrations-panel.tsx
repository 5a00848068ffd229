'use client';

import { Badge } from '@palisade/ui/badge';
import { EmptyState } from '@palisade/ui/empty-state';
import { SectionCard } from '@palisade/ui/section-card';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { CredentialForm } from './credential-form';
import { DaemonCredentialCard } from './daemon-credential-card';
import { EFFECTIVE } from './effective-status';

type Provider = Extract<RouterOutputs['integrations']['list'][number], { category: 'osint' }>;

export function IntegrationsPanel({ canManage }: { canManage: boolean }) {
  const tenantId = useSearchParams().get('tenant');
  if (!tenantId) {
    return (
      <EmptyState title="Choose a tenant">
        Credentials are per tenant: pick one in the tenant filter above.
      </EmptyState>
    );
  }
  return <TenantIntegrations tenantId={tenantId} canManage={canManage} />;
}

function TenantIntegrations({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const providers = useQuery(trpc.integrations.list.queryOptions({ tenantId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
  if (providers.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (providers.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {providers.error.message}
      </p>
    );
  return (
    <div className="space-y-4">
      <h2 className="text-sm font-semibold text-slate-700">OSINT providers</h2>
      {providers.data.map((p) =>
        p.category === 'osint' ? (
          <ProviderCard
            key={p.id}
            tenantId={tenantId}
            provider={p}
            canManage={canManage}
            onChanged={refresh}
          />
        ) : null,
      )}
      <h2 className="text-sm font-semibold text-slate-700">Daemon connectors</h2>
      <p className="text-xs text-slate-500">
        Referenced from a daemon's YAML as <code>secrets.&lt;name&gt;: {'{ credential: <id> }'}</code>. A
        second credential of a kind is named <code>&lt;kind&gt;-&lt;name&gt;</code> (e.g. imap-phishing).
      </p>
      {providers.data.map((p) =>
        p.category === 'daemon' ? (
          <DaemonCredentialCard
            key={p.id}
            tenantId={tenantId}
            credential={p}
            canManage={canManage}
            onChanged={refresh}
          />
        ) : null,
      )}
    </div>
  );
}

function ProviderCard({
  tenantId,
  provider: p,
  canManage,
  onChanged,
}: {
  tenantId: string;
  provider: Provider;
  canManage: boolean;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const test = useMutation(trpc.integrations.testConnection.mutationOptions());
  const clear = useMutation(
    trpc.integrations.clearCredential.mutationOptions({ onSuccess: () => onChanged() }),
  );
  const effective = EFFECTIVE[p.status?.effective ?? 'none'];
  return (
    <SectionCard
      title={p.name}
      actions={
        <button
          type="button"
          disabled={test.isPending}
          onClick={() => test.mutate({ tenantId, provider: p.id })}
          className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40"
        >
          Test connection
        </button>
      }
    >
      <div className="space-y-2 text-sm">
        <p>
          <Badge tone={effective.tone}>{effective.label}</Badge>{' '}
          <span className="text-xs text-slate-500">
            {p.artifactTypes.join(', ')}
            {p.requiresApiKey ? '' : ' · works without a key'}
          </span>
        </p>
        <p className="text-xs text-slate-600">
          Tenant key: {p.status?.tenant?.configured ? 'configured' : 'none'}
          {p.status?.tenant ? ` (changed ${formatTime(p.status.tenant.updatedAt)})` : ''} · MSSP default:{' '}
          {p.status?.mssp?.configured
            ? p.status.mssp.sharedWithTenants
              ? 'configured, shared'
              : 'configured, not shared'
            : 'none'}
          {(p.status?.tenant?.baseUrl ?? p.status?.mssp?.baseUrl)
            ? ` · URL ${p.status?.tenant?.baseUrl ?? p.status?.mssp?.baseUrl}`
            : ''}
        </p>
        {test.data ? (
          <p role="status" className={test.data.ok ? 'text-emerald-700' : 'text-red-700'}>
            {test.data.ok ? 'Connected' : `Failed: ${test.data.message}`} ({test.data.source} credentials)
          </p>
        ) : null}
        {canManage ? (
          <>
            <CredentialForm
              tenantId={tenantId}
              provider={p.id}
              selfHosted={p.selfHosted}
              onSaved={onChanged}
            />
            {p.status?.tenant ? (
              <button
                type="button"
                disabled={clear.isPending}
                onClick={() => clear.mutate({ tenantId, provider: p.id, scope: 'tenant' })}
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
