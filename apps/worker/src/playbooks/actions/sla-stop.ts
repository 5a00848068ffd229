import { stopIncidentSla } from '@palisade/db/queries/sla/start-stop-sla';
import { slaStop } from '@palisade/playbook/actions/sla-stop';
import { actionImpl } from '../action-impl';

/** Stops the incident's SLA clocks of a kind (or all); only sla.start runs them again. */
export const slaStopImpl = actionImpl({
  mode: 'tx',
  contract: slaStop,
  run: async (input, ctx, tx) => {
    const kinds = input.kind === 'all' ? (['assign', 'resolve'] as const) : ([input.kind] as const);
    return { stopped: await stopIncidentSla(tx, ctx.tenantId, input.incidentId, kinds) };
  },
});
