import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { incidentPriority, incidents } from '../../schema/index';
import { lockIncident } from './lock-incident';
import { recordIncidentChange } from './record-incident-change';

export const SetIncidentPriorityInput = z.object({
  incidentId: z.uuid(),
  priority: z.enum(incidentPriority.enumValues),
  actorUserId: z.uuid().nullable(),
});
export type SetIncidentPriorityInput = z.input<typeof SetIncidentPriorityInput>;

export async function setIncidentPriority(tx: Tx, input: SetIncidentPriorityInput) {
  const p = SetIncidentPriorityInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  if (current.priority === p.priority) return { id: current.id, priority: p.priority, changed: false };
  await tx
    .update(incidents)
    .set({ priority: p.priority, updatedAt: new Date() })
    .where(eq(incidents.id, current.id));
  await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'priority_changed',
    actorUserId: p.actorUserId,
    data: { from: current.priority, to: p.priority },
    clientVisible: false,
    action: 'incident.set_priority',
    before: { priority: current.priority },
    after: { priority: p.priority },
  });
  return { id: current.id, priority: p.priority, changed: true };
}
