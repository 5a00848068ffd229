import { addIncidentTag, removeIncidentTag } from '@palisade/db/queries/incidents/add-incident-tag';
import { lockIncident } from '@palisade/db/queries/incidents/lock-incident';
import { incidentTag } from '@palisade/playbook/actions/incident-tag';
import { actionImpl } from '../action-impl';

export const incidentTagImpl = actionImpl({
  mode: 'tx',
  contract: incidentTag,
  run: async (input, _ctx, tx) => {
    let tags: string[] = [];
    for (const tag of input.add)
      tags = (await addIncidentTag(tx, { incidentId: input.incidentId, tag, actorUserId: null })).tags;
    for (const tag of input.remove) {
      tags = (await removeIncidentTag(tx, { incidentId: input.incidentId, tag, actorUserId: null })).tags;
    }
    if (input.add.length === 0 && input.remove.length === 0)
      tags = (await lockIncident(tx, input.incidentId)).tags;
    return { tags };
  },
});
