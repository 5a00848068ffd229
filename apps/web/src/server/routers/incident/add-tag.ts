import { addIncidentTag } from '@palisade/db/queries/incidents/add-incident-tag';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { AddIncidentTagInput } from './add-tag.schema';

export const addTag = staffTenantProcedure
  .input(AddIncidentTagInput)
  .mutation(({ ctx, input }) => addIncidentTag(ctx.tx, { ...input, actorUserId: ctx.actor.userId }));
