import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { incidents } from '../../schema/index';
import { reconcileIncidentSla } from '../sla/reconcile-incident-sla';
import { lockIncident } from './lock-incident';
import { recordIncidentChange } from './record-incident-change';

export const AssignIncidentInput = z.object({
  incidentId: z.uuid(),
  /** Null unassigns. The caller checks the user may work the tenant. */
  assigneeUserId: z.uuid().nullable(),
  actorUserId: z.uuid().nullable(),
});
export type AssignIncidentInput = z.input<typeof AssignIncidentInput>;

/**
 * Sets the assignee. A `new` incident becomes `assigned`; unassigning an `assigned` one returns it
 * to `new`; later states keep their status.
 */
export async function assignIncident(tx: Tx, input: AssignIncidentInput) {
  const p = AssignIncidentInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  if (current.assigneeUserId === p.assigneeUserId) {
    return { id: current.id, assigneeUserId: p.assigneeUserId, status: current.status, changed: false };
  }
  const status =
    p.assigneeUserId && current.status === 'new'
      ? 'assigned'
      : !p.assigneeUserId && current.status === 'assigned'
        ? 'new'
        : current.status;
  const now = new Date();
  await tx
    .update(incidents)
    .set({
      assigneeUserId: p.assigneeUserId,
      status,
      updatedAt: now,
      ...(p.assigneeUserId ? { assignedAt: now } : {}),
    })
    .where(eq(incidents.id, current.id));
  await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'assigned',
    actorUserId: p.actorUserId,
    data: { from: current.assigneeUserId, to: p.assigneeUserId, status },
    clientVisible: false,
    action: 'incident.assign',
    before: { assigneeUserId: current.assigneeUserId, status: current.status },
    after: { assigneeUserId: p.assigneeUserId, status },
  });
  if (status !== current.status) {
    await recordIncidentChange(tx, {
      tenantId: current.tenantId,
      incidentId: current.id,
      kind: 'status_changed',
      actorUserId: p.actorUserId,
      data: { from: current.status, to: status, reopened: false },
      clientVisible: true,
      action: 'incident.set_status',
      before: { status: current.status },
      after: { status },
    });
  }
  await reconcileIncidentSla(tx, current.tenantId, current.id, now);
  return { id: current.id, assigneeUserId: p.assigneeUserId, status, changed: true };
}
