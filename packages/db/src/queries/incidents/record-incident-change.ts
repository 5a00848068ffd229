import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { type IncidentEventKind, incidentEvents } from '../../schema/index';
import { queueIncidentUpdatedTrigger } from '../playbooks/queue-incident-updated-trigger';

export type IncidentChange = {
  tenantId: string;
  incidentId: string;
  kind: IncidentEventKind;
  actorUserId: string | null;
  /** Timeline payload (what changed, from → to). */
  data: Record<string, unknown>;
  clientVisible: boolean;
  /** Audit action, e.g. `incident.assign`. */
  action: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Every analyst change: one timeline event (who, when, what), one audit entry, and (when the tenant
 * has `incident.updated` playbooks) their trigger job, all in the caller's transaction.
 */
export async function recordIncidentChange(
  tx: Tx,
  change: IncidentChange,
): Promise<{ eventId: string; at: Date }> {
  const eventId = crypto.randomUUID();
  const at = new Date();
  await tx.insert(incidentEvents).values({
    tenantId: change.tenantId,
    id: eventId,
    incidentId: change.incidentId,
    kind: change.kind,
    actorUserId: change.actorUserId,
    data: change.data,
    clientVisible: change.clientVisible,
    at,
  });
  await recordAudit(tx, {
    tenantId: change.tenantId,
    actorUserId: change.actorUserId,
    action: change.action,
    target: `incident:${change.incidentId}`,
    before: change.before,
    after: change.after,
  });
  await queueIncidentUpdatedTrigger(tx, {
    tenantId: change.tenantId,
    incidentId: change.incidentId,
    eventId,
    kind: change.kind,
    actorUserId: change.actorUserId,
    before: change.before,
    after: change.after,
  });
  return { eventId, at };
}
