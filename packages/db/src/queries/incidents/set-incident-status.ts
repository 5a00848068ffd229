import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { IncidentTransitionError } from '../../errors';
import { incidentStatus, incidents } from '../../schema/index';
import { queueCloseSourceAlert } from '../data-sources/source-alert-close';
import { reconcileIncidentSla } from '../sla/reconcile-incident-sla';
import { canTransition, isReopen } from './incident-lifecycle';
import { lockIncident } from './lock-incident';
import { recordIncidentChange } from './record-incident-change';

export const SetIncidentStatusInput = z.object({
  incidentId: z.uuid(),
  status: z.enum(incidentStatus.enumValues),
  actorUserId: z.uuid().nullable(),
  /** Optional reason shown in the timeline (e.g. the resolution). */
  note: z.string().trim().max(2000).optional(),
});
export type SetIncidentStatusInput = z.input<typeof SetIncidentStatusInput>;

/** Moves the incident along its lifecycle (see incident-lifecycle.ts); IncidentTransitionError otherwise. */
export async function setIncidentStatus(tx: Tx, input: SetIncidentStatusInput) {
  const p = SetIncidentStatusInput.parse(input);
  const current = await lockIncident(tx, p.incidentId);
  if (!canTransition(current.status, p.status, current.assigneeUserId !== null)) {
    throw new IncidentTransitionError(
      `cannot change status from ${current.status} to ${p.status}${p.status === 'assigned' ? ' (assign someone first)' : ''}`,
    );
  }
  const now = new Date();
  const reopened = isReopen(current.status, p.status);
  await tx
    .update(incidents)
    .set({
      status: p.status,
      updatedAt: now,
      ...(p.status === 'resolved' ? { resolvedAt: now } : {}),
      ...(p.status === 'closed' ? { closedAt: now } : {}),
      ...(reopened ? { resolvedAt: null, closedAt: null } : {}),
    })
    .where(eq(incidents.id, current.id));
  const event = await recordIncidentChange(tx, {
    tenantId: current.tenantId,
    incidentId: current.id,
    kind: 'status_changed',
    actorUserId: p.actorUserId,
    data: { from: current.status, to: p.status, reopened, ...(p.note ? { note: p.note } : {}) },
    clientVisible: true,
    action: reopened ? 'incident.reopen' : 'incident.set_status',
    before: { status: current.status },
    after: { status: p.status },
  });
  await reconcileIncidentSla(tx, current.tenantId, current.id, now);
  if (p.status === 'resolved') {
    await queueCloseSourceAlert(tx, { tenantId: current.tenantId, incidentId: current.id, resolvedAt: now });
  }
  return { id: current.id, status: p.status, previousStatus: current.status, reopened, at: event.at };
}
