import type { Tx } from '@palisade/db/client';
import { listProcessedAlerts } from '@palisade/db/queries/ingest/list-processed-alerts';
import { listPlaybooksByTrigger } from '@palisade/db/queries/playbooks/catalog';
import type { Executor } from './executor';
import { startTriggeredRuns } from './start-triggered-runs';

/**
 * For the ingestion job, in its transaction: starts the tenant's `alert.received` playbooks for each
 * alert it stored (not duplicates, not failures), with the alert (snake_case, as `incident` is) and
 * its incident id. Filters decide per alert. Tenants without such a playbook pay one index lookup.
 * Idempotent per alert and playbook.
 */
export async function startAlertReceivedRuns(
  tx: Tx,
  tenantId: string,
  alertIds: readonly string[],
  ex?: Executor,
): Promise<{ started: string[]; skipped: { playbookId: string; reason: string }[] }> {
  const started: string[] = [];
  const skipped: { playbookId: string; reason: string }[] = [];
  if (alertIds.length === 0) return { started, skipped };
  if ((await listPlaybooksByTrigger(tx, tenantId, 'alert.received')).length === 0)
    return { started, skipped };
  const stored = await listProcessedAlerts(tx, { tenantId, alertIds });
  for (const alert of stored) {
    const r = await startTriggeredRuns(
      tx,
      tenantId,
      {
        type: 'alert.received',
        alert,
        ...(alert.incident_id ? { incidentId: alert.incident_id } : {}),
      },
      ...(ex ? [ex] : []),
    );
    started.push(...r.started);
    skipped.push(...r.skipped);
  }
  return { started, skipped };
}
