import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { incidents, severityLevel } from '../../schema/index';
import { reconcileIncidentSla } from '../sla/reconcile-incident-sla';
import { lockIncident } from './lock-incident';
import { recordIncidentChange } from './record-incident-change';

export const SetIncidentSeverityInput = z.object({
  incidentId: z.uuid(),
  severity: z.enum(severityLevel.enumValues),
  actorUserId: z.uuid().nullable(),
});
export type SetIncidentSeverityInput = z.input<typeof SetIncidentSeverityInput>;

export async function setIncidentSeverity(tx: Tx, input: SetIncidentSeverityInput) {
  const p = SetIncidentSeverityInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  if (current.severity === p.severity) return { id: current.id, severity: p.severity, changed: false };
  await tx
    .update(incidents)
    .set({ severity: p.severity, updatedAt: new Date() })
    .where(eq(incidents.id, current.id));
  await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'severity_changed',
    actorUserId: p.actorUserId,
    data: { from: current.severity, to: p.severity },
    clientVisible: true,
    action: 'incident.set_severity',
    before: { severity: current.severity },
    after: { severity: p.severity },
  });
  // The new severity's policy re-evaluates the deadlines from the same start.
  await reconcileIncidentSla(tx, current.tenantId, current.id);
  return { id: current.id, severity: p.severity, changed: true };
}
