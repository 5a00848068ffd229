import { consoleOverview } from '@palisade/db/queries/kpis/console-overview';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { staffProcedure } from '@/server/trpc/procedures';
import { ConsoleSummaryInput } from './console-summary.schema';

/** Open incidents per tenant and severity, unowned critical/high ones, and SLA breaches since 00:00 UTC. */
export const consoleSummary = staffProcedure.input(ConsoleSummaryInput).query(async ({ ctx, input }) => {
  if (input.tenantId && !ctx.actor.tenantIds.includes(input.tenantId)) {
    throw new TRPCError({ code: 'NOT_FOUND' });
  }
  const scope = input.tenantId ? [input.tenantId] : ctx.actor.tenantIds;
  const now = new Date();
  // The console spans tenants in many zones: "today" is the UTC day, and the page says so.
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return withTenant(scope, (tx) => consoleOverview(tx, { tenantIds: scope, since }));
});
