import { portalOverview } from '@palisade/db/queries/kpis/portal-overview';
import { tenants } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { clientProcedure } from '@/server/trpc/procedures';

/** The client's landing page: open incidents, waiting on them, resolved this month, SLA clocks, reports. */
export const portalSummary = clientProcedure.query(async ({ ctx }) => {
  const tenantId = ctx.actor.tenantIds[0];
  if (!tenantId) throw new TRPCError({ code: 'NOT_FOUND' });
  return withTenant(tenantId, async (tx) => {
    const [tenant] = await tx.select({ timeZone: tenants.timezone }).from(tenants);
    return portalOverview(tx, { now: new Date(), timeZone: tenant?.timeZone ?? 'UTC' });
  });
});
