import { addIncidentComment } from '@palisade/db/queries/incidents/add-incident-comment';
import { incidentComment } from '@palisade/playbook/actions/incident-comment';
import { actionImpl } from '../action-impl';

/** `client` visibility is the incident store's `shared` (the client sees it in the portal). */
export const incidentCommentImpl = actionImpl({
  mode: 'tx',
  contract: incidentComment,
  run: async (input, _ctx, tx) => {
    const c = await addIncidentComment(tx, {
      incidentId: input.incidentId,
      body: input.body,
      visibility: input.visibility === 'client' ? 'shared' : 'internal',
      actorUserId: null,
    });
    return { commentId: c.id };
  },
});
