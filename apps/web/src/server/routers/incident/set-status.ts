import { setIncidentStatus } from '@palisade/db/queries/incidents/set-incident-status';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SetIncidentStatusInput } from './set-status.schema';

/** A lifecycle step (a disallowed one is INCIDENT_TRANSITION → CONFLICT); timeline and audit by the query. */
export const setStatus = staffTenantProcedure
  .input(SetIncidentStatusInput)
  .mutation(({ ctx, input }) => setIncidentStatus(ctx.tx, { ...input, actorUserId: ctx.actor.userId }));
