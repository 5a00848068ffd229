import { listIncidents } from '@palisade/db/queries/incidents/list-incidents';
import { withTenant } from '@palisade/db/with-tenant';
import { clientProcedure } from '@/server/trpc/procedures';
import { PortalListIncidentsInput } from './portal-list.schema';

/**
 * The client's own incidents (its scope is its one tenant), newest activity first, projected to
 * client-safe fields: no assignee, tags, priority, grouping key or data source.
 */
export const portalList = clientProcedure.input(PortalListIncidentsInput).query(async ({ ctx, input }) => {
  if (ctx.actor.tenantIds.length === 0) return { items: [], nextCursor: null };
  return withTenant(ctx.actor.tenantIds, async (tx) => {
    const page = await listIncidents(tx, {
      ...input,
      tenantIds: ctx.actor.tenantIds,
      sort: 'last_alert_at',
      direction: 'desc',
    });
    return {
      items: page.items.map((i) => ({
        id: i.id,
        reference: i.reference,
        title: i.title,
        severity: i.severity,
        status: i.status,
        createdAt: i.createdAt,
        lastAlertAt: i.lastAlertAt,
      })),
      nextCursor: page.nextCursor,
    };
  });
});
