import { setIncidentSeverity } from '@palisade/db/queries/incidents/set-incident-severity';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SetIncidentSeverityInput } from './set-severity.schema';

export const setSeverity = staffTenantProcedure
  .input(SetIncidentSeverityInput)
  .mutation(({ ctx, input }) => setIncidentSeverity(ctx.tx, { ...input, actorUserId: ctx.actor.userId }));
