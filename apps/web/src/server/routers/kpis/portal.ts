import { tenantKpis } from '@palisade/db/queries/kpis/tenant-kpis';
import { tenants } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { clientProcedure } from '@/server/trpc/procedures';
import { PortalKpisInput } from './portal.schema';

/**
 * The client's own KPIs (its scope is its one tenant): totals, the trend per period and a
 * severity breakdown, bucketed in the tenant's time zone. No per-analyst figures: those are the
 * MSSP's internal view.
 */
export const portal = clientProcedure.input(PortalKpisInput).query(async ({ ctx, input }) => {
  const tenantId = ctx.actor.tenantIds[0];
  if (!tenantId) return { timeZone: 'UTC', totals: null, trend: [], bySeverity: [] };
  return withTenant(tenantId, async (tx) => {
    const [tenant] = await tx.select({ timeZone: tenants.timezone }).from(tenants);
    const timeZone = tenant?.timeZone ?? 'UTC';
    const base = { from: input.from, to: input.to, timeZone, tenantIds: [tenantId] };
    const [totals] = await tenantKpis(tx, base);
    const trend = await tenantKpis(tx, { ...base, groupBy: [input.period] });
    const bySeverity = await tenantKpis(tx, { ...base, groupBy: ['severity'] });
    return { timeZone, totals: totals ?? null, trend, bySeverity };
  });
});
