import type { Tx } from '@palisade/db/client';
import type { Executor } from './executor';
import { loadIncidentContext } from './incident-context';
import { startTriggeredRuns } from './start-triggered-runs';

/**
 * For the ingestion pipeline, in the transaction that created the incidents: starts the tenant's
 * `incident.created` playbooks for each, with the incident (and its first alert) as context.
 * Idempotent per incident and playbook, so a retried ingestion job starts nothing twice.
 */
export async function startIncidentCreatedRuns(
  tx: Tx,
  tenantId: string,
  incidentIds: readonly string[],
  ex?: Executor,
): Promise<{ started: string[]; skipped: { playbookId: string; reason: string }[] }> {
  const started: string[] = [];
  const skipped: { playbookId: string; reason: string }[] = [];
  for (const incidentId of incidentIds) {
    const context = await loadIncidentContext(tx, incidentId);
    const r = await startTriggeredRuns(
      tx,
      tenantId,
      { type: 'incident.created', ...context, incident: { ...context.incident, id: incidentId } },
      ...(ex ? [ex] : []),
    );
    started.push(...r.started);
    skipped.push(...r.skipped);
  }
  return { started, skipped };
}
