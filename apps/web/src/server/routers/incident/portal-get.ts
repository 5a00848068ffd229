import { getIncident } from '@palisade/db/queries/incidents/get-incident';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { clientProcedure } from '@/server/trpc/procedures';
import { GetIncidentInput } from './get.schema';

/**
 * The client's view of one of its incidents. An allow-list projection of the query's client view
 * (which already drops raw alerts, internal comments and events, and correlation): no assignee,
 * tags, priority, data source, rule or grouping key, no alerts or artifacts, and no internal user ids.
 * Another tenant's incident id is NOT_FOUND (RLS: the scope is the client's one tenant).
 */
export const portalGet = clientProcedure.input(GetIncidentInput).query(async ({ ctx, input }) => {
  if (ctx.actor.tenantIds.length === 0) throw new TRPCError({ code: 'NOT_FOUND' });
  const detail = await withTenant(ctx.actor.tenantIds, (tx) =>
    getIncident(tx, { incidentId: input.incidentId, view: 'client' }),
  );
  const { incident } = detail;
  return {
    incident: {
      id: incident.id,
      reference: incident.reference,
      title: incident.title,
      description: incident.description,
      severity: incident.severity,
      status: incident.status,
      alertCount: incident.alertCount,
      firstAlertAt: incident.firstAlertAt,
      lastAlertAt: incident.lastAlertAt,
      createdAt: incident.createdAt,
      resolvedAt: incident.resolvedAt,
      closedAt: incident.closedAt,
    },
    // Client-visible events only (status changes), without who at the MSSP made them.
    timeline: detail.timeline
      .filter((e) => e.clientVisible && e.kind !== 'comment_added')
      .map((e) => ({ id: e.id, kind: e.kind, data: statusData(e.data), at: e.at })),
    comments: detail.comments
      .filter((c) => c.visibility === 'shared')
      .map((c) => ({ id: c.id, authorName: c.authorName, body: c.body, createdAt: c.createdAt })),
  };
});

/** Only the from/to of a status change travels to the portal; anything else in `data` stays internal. */
function statusData(data: Record<string, unknown>): { from?: string; to?: string } {
  const pick = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { from: pick(data.from), to: pick(data.to) };
}
