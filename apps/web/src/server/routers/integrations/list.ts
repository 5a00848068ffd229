import {
  listCredentialProviderIds,
  listCredentialStatus,
} from '@palisade/db/queries/enrichment/integration-credentials';
import { INTERNET_PROVIDER_IDS, internetProviders } from '@palisade/worker/osint/providers';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import {
  CONNECTOR_CREDENTIAL_KINDS,
  connectorCredentialKind,
  formFields,
} from './connector-credential-kinds';
import { isOsintProvider } from './provider-input';

/**
 * Each OSINT provider and each daemon credential (one per kind, plus the named ones stored) with
 * what is configured for the tenant and the MSSP: yes/no, the base URL and when it changed. Never
 * the secret, nor any part of it.
 */
export const list = staffTenantProcedure.query(async ({ ctx }) => {
  const stored = await listCredentialProviderIds(ctx.tx, ctx.tenantId);
  const daemonIds = [
    ...CONNECTOR_CREDENTIAL_KINDS.map((k) => k.id),
    ...stored.filter(
      (id) => connectorCredentialKind(id) && !CONNECTOR_CREDENTIAL_KINDS.some((k) => k.id === id),
    ),
  ].filter((id) => !isOsintProvider(id));
  const statuses = await listCredentialStatus(ctx.tx, {
    tenantId: ctx.tenantId,
    providers: [...INTERNET_PROVIDER_IDS, ...daemonIds],
  });
  const status = (id: string) => statuses.find((s) => s.provider === id);
  const osint = internetProviders.map((p) => ({
    category: 'osint' as const,
    id: p.id,
    name: p.name,
    artifactTypes: [...p.artifactTypes],
    requiresApiKey: p.requiresApiKey,
    selfHosted: p.defaultBaseUrl === '',
    status: status(p.id),
  }));
  const daemons = daemonIds.flatMap((id) => {
    const kind = connectorCredentialKind(id);
    if (!kind) return [];
    return [
      {
        category: 'daemon' as const,
        id,
        kind: kind.id,
        name: id === kind.id ? kind.name : `${kind.name} (${id})`,
        connectorKinds: [...kind.connectorKinds],
        baseUrl: kind.baseUrl,
        fields: formFields(kind.fields),
        testParams: formFields(kind.testParams),
        status: status(id),
      },
    ];
  });
  return [...osint, ...daemons];
});
