import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { enqueue } from '../../jobs/enqueue';
import {
  START_INCIDENT_UPDATED_RUNS,
  type StartIncidentUpdatedRunsPayload,
} from '../../jobs/start-incident-updated-runs';
import { playbooks } from '../../schema/index';

/** Fields whose value differs between the audit's before and after, as { from, to }. */
export function changedFields(before: unknown, after: unknown): StartIncidentUpdatedRunsPayload['changes'] {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const changes: StartIncidentUpdatedRunsPayload['changes'] = {};
  for (const field of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null)) {
      changes[field] = { from: from[field] ?? null, to: to[field] ?? null };
    }
  }
  return changes;
}

/**
 * In the transaction that records an incident change: queues the job that starts the tenant's
 * `incident.updated` playbooks for it, so the job exists only if the change commits. Tenants with no
 * such playbook get no job (the common case costs one index lookup). Idempotent downstream: the
 * job's runs are keyed by the change's event id.
 */
export async function queueIncidentUpdatedTrigger(
  tx: Tx,
  input: Omit<StartIncidentUpdatedRunsPayload, 'changes'> & { before?: unknown; after?: unknown },
): Promise<boolean> {
  const [listening] = await tx
    .select({ id: playbooks.id })
    .from(playbooks)
    .where(
      and(
        eq(playbooks.tenantId, input.tenantId),
        eq(playbooks.triggerType, 'incident.updated'),
        eq(playbooks.enabled, true),
      ),
    )
    .limit(1);
  if (!listening) return false;
  const payload: StartIncidentUpdatedRunsPayload = {
    tenantId: input.tenantId,
    incidentId: input.incidentId,
    eventId: input.eventId,
    kind: input.kind,
    changes: changedFields(input.before, input.after),
    actorUserId: input.actorUserId,
  };
  await enqueue(tx, START_INCIDENT_UPDATED_RUNS, payload);
  return true;
}
