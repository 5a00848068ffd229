import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type Severity, type SlaTimerKind, slaTimers } from '../../schema/index';
import { reconcileIncidentSla } from './reconcile-incident-sla';

/**
 * Playbook `sla.start`: (re)starts the incident's timers from the tenant's policy, for `severity`
 * when given (kept until the next sla.start), else the incident's own. Clocks an `sla.stop` had
 * stopped run again from their original start.
 */
export async function startIncidentSla(tx: Tx, tenantId: string, incidentId: string, severity?: Severity) {
  return reconcileIncidentSla(tx, tenantId, incidentId, new Date(), { severity });
}

/** Playbook `sla.stop`: stops running or paused timers of the kinds; returns how many stopped. */
export async function stopIncidentSla(
  tx: Tx,
  tenantId: string,
  incidentId: string,
  kinds: readonly SlaTimerKind[],
): Promise<number> {
  const now = new Date();
  const stopped = await tx
    .update(slaTimers)
    .set({
      state: 'stopped',
      stoppedAt: now,
      stoppedReason: 'playbook',
      pausedAt: null,
      nextFireAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(slaTimers.tenantId, tenantId),
        eq(slaTimers.incidentId, incidentId),
        inArray(slaTimers.kind, [...kinds]),
        inArray(slaTimers.state, ['running', 'paused']),
      ),
    )
    .returning({ id: slaTimers.id });
  return stopped.length;
}
