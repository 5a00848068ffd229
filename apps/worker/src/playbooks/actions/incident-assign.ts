import { assignIncident } from '@palisade/db/queries/incidents/assign-incident';
import { incidentAssign } from '@palisade/playbook/actions/incident-assign';
import { actionImpl } from '../action-impl';

export class AssignByRoleUnavailableError extends Error {
  readonly code = 'NOT_AVAILABLE' as const;
}

export const incidentAssignImpl = actionImpl({
  mode: 'tx',
  contract: incidentAssign,
  run: async (input, _ctx, tx) => {
    if (!input.userId) {
      throw new AssignByRoleUnavailableError(
        'assigning to the least-loaded member of a role is not available yet',
      );
    }
    const r = await assignIncident(tx, {
      incidentId: input.incidentId,
      assigneeUserId: input.userId,
      actorUserId: null,
    });
    return { incidentId: r.id, assigneeId: r.assigneeUserId ?? null };
  },
});
