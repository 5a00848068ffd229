import { listCredentialStatus } from '@palisade/db/queries/enrichment/integration-credentials';
import { INTERNET_PROVIDER_IDS, internetProviders } from '@palisade/worker/osint/providers';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/**
 * Each OSINT provider with what is configured for the tenant and the MSSP: yes/no, the base URL and
 * when it changed. Never the secret, nor any part of it.
 */
export const list = staffTenantProcedure.query(async ({ ctx }) => {
  const statuses = await listCredentialStatus(ctx.tx, {
    tenantId: ctx.tenantId,
    providers: INTERNET_PROVIDER_IDS,
  });
  return internetProviders.map((p) => ({
    id: p.id,
    name: p.name,
    artifactTypes: [...p.artifactTypes],
    requiresApiKey: p.requiresApiKey,
    selfHosted: p.defaultBaseUrl === '',
    status: statuses.find((s) => s.provider === p.id),
  }));
});
