import { listCampaignVerdicts } from '@palisade/db/queries/enrichment/campaign-verdicts';
import { listCampaignArtifacts } from '@palisade/db/queries/incidents/list-campaign-artifacts';
import { tenants } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { staffProcedure } from '@/server/trpc/procedures';
import { ListCampaignsInput } from './list.schema';

/**
 * Staff only: IOCs seen at several tenants (a cross-client campaign). Computed inside the staff
 * member's scope, so an analyst sees only the overlap among his own tenants, and only tenant
 * names, never another client's incidents. Each IOC carries the worst enrichment verdict of the scope.
 */
export const list = staffProcedure.input(ListCampaignsInput).query(async ({ ctx, input }) => {
  if (ctx.actor.tenantIds.length < 2) return [];
  return withTenant(ctx.actor.tenantIds, async (tx) => {
    const rows = await listCampaignArtifacts(tx, input);
    const names = new Map(
      (await tx.select({ id: tenants.id, name: tenants.name }).from(tenants)).map((t) => [t.id, t.name]),
    );
    const verdicts = new Map(
      (
        await listCampaignVerdicts(
          tx,
          rows.map(({ type, value }) => ({ type, value })),
        )
      ).map((v) => [`${v.type}:${v.value}`, v]),
    );
    return rows.map((r) => ({
      ...r,
      tenants: r.tenantIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      verdict: verdicts.get(`${r.type}:${r.value}`) ?? null,
    }));
  });
});
