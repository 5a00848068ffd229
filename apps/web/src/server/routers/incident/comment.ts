import { addIncidentComment } from '@palisade/db/queries/incidents/add-incident-comment';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { CommentOnIncidentInput } from './comment.schema';

/**
 * Staff only: an internal note, or a comment shared with the client. Clients do not comment (the
 * portal is read-only); their questions go to their MSSP contact.
 */
export const comment = staffTenantProcedure
  .input(CommentOnIncidentInput)
  .mutation(({ ctx, input }) => addIncidentComment(ctx.tx, { ...input, actorUserId: ctx.actor.userId }));
