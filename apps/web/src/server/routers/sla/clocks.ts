import { listIncidentClocks } from '@palisade/db/queries/sla/sla-status';
import { withTenant } from '@palisade/db/with-tenant';
import { protectedProcedure } from '@/server/trpc/procedures';
import { SlaClocksInput } from './clocks.schema';

/**
 * SLA clocks of incidents on screen (the queue spans tenants, the incident page one): read over the
 * caller's whole scope, so RLS drops any incident outside it; a client's scope is its one tenant.
 */
export const clocks = protectedProcedure.input(SlaClocksInput).query(async ({ ctx, input }) => {
  if (ctx.actor.tenantIds.length === 0) return [];
  return withTenant(ctx.actor.tenantIds, (tx) => listIncidentClocks(tx, input.incidentIds));
});
