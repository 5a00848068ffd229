import { startIncidentSla } from '@palisade/db/queries/sla/start-stop-sla';
import { slaStart } from '@palisade/playbook/actions/sla-start';
import { actionImpl } from '../action-impl';

/** Starts (or restarts) the incident's SLA clocks in the step's transaction; returns the running ones. */
export const slaStartImpl = actionImpl({
  mode: 'tx',
  contract: slaStart,
  run: async (input, ctx, tx) => {
    // Playbooks spell the lowest level `informational`; the database `info` (as incident.update maps it).
    const severity = input.severity === 'informational' ? 'info' : input.severity;
    const timers = await startIncidentSla(tx, ctx.tenantId, input.incidentId, severity);
    return {
      timers: timers
        .filter((t) => t.state === 'running' || t.state === 'paused')
        .map((t) => ({ kind: t.kind, dueAt: t.dueAt.toISOString() })),
    };
  },
});
