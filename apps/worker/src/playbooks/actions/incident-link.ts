import { linkIncidents } from '@palisade/db/queries/playbooks/attach-artifacts';
import { incidentLink } from '@palisade/playbook/actions/incident-link';
import { actionImpl } from '../action-impl';

export const incidentLinkImpl = actionImpl({
  mode: 'tx',
  contract: incidentLink,
  run: async (input, ctx, tx) => ({
    linked: await linkIncidents(
      tx,
      ctx.tenantId,
      input.incidentId,
      input.incidentIds,
      input.bySharedArtifacts,
    ),
  }),
});
