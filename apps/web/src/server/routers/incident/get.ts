import { getIncident } from '@palisade/db/queries/incidents/get-incident';
import { memberships, tenants, userPublicColumns, users } from '@palisade/db/schema';
import { and, asc, eq } from 'drizzle-orm';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { GetIncidentInput } from './get.schema';

/**
 * Staff view of one incident: everything (alerts with raw payloads, artifacts with where each was
 * found, the full timeline, internal and shared comments, related incidents), plus the analysts of
 * the tenant it can be assigned to. Clients use portalGet.
 */
export const get = staffTenantProcedure.input(GetIncidentInput).query(async ({ ctx, input }) => {
  const detail = await getIncident(ctx.tx, { incidentId: input.incidentId, view: 'staff' });
  const [tenant] = await ctx.tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  const assignees = await ctx.tx
    .select({ id: userPublicColumns.id, name: userPublicColumns.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.role, 'analyst'), eq(users.active, true)),
    )
    .orderBy(asc(users.name));
  return { ...detail, tenant: { id: ctx.tenantId, name: tenant?.name ?? '' }, assignees };
});
