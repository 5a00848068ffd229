import { getGroupingSettings, listGroupingSources } from '@palisade/db/queries/ingest/grouping-settings';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** The tenant's grouping: the tenant-wide rule, each data source with its override (or none). */
export const get = staffTenantProcedure.query(async ({ ctx }) => {
  const settings = await getGroupingSettings(ctx.tx, ctx.tenantId);
  const sources = await listGroupingSources(ctx.tx, ctx.tenantId);
  return {
    tenant: settings.tenant,
    sources: sources.map((s) => ({ ...s, rule: settings.sources[s.id] ?? null })),
  };
});
