import { assignIncident } from '@palisade/db/queries/incidents/assign-incident';
import { memberships } from '@palisade/db/schema';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { AssignIncidentInput } from './assign.schema';

/** Assigns to an analyst of the incident's tenant (or unassigns); timeline and audit by the query. */
export const assign = staffTenantProcedure.input(AssignIncidentInput).mutation(async ({ ctx, input }) => {
  if (input.assigneeUserId) {
    const [analyst] = await ctx.tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.tenantId, ctx.tenantId),
          eq(memberships.userId, input.assigneeUserId),
          eq(memberships.role, 'analyst'),
        ),
      );
    if (!analyst) throw new TRPCError({ code: 'BAD_REQUEST', message: 'not an analyst of this tenant' });
  }
  return assignIncident(ctx.tx, { ...input, actorUserId: ctx.actor.userId });
});
