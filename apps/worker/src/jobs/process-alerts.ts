import { MAX_ALERTS_PER_JOB, PROCESS_ALERTS, ProcessAlertsPayload } from '@palisade/db/jobs/process-alerts';
import { claimReceivedAlerts } from '@palisade/db/queries/ingest/claim-received-alerts';
import {
  type ProcessedAlert,
  storeProcessedAlerts,
} from '@palisade/db/queries/ingest/store-processed-alerts';
import { withTenantOn } from '@palisade/db/with-tenant';
import { startAlertReceivedRuns } from '../playbooks/start-alert-runs';
import { startIncidentCreatedRuns } from '../playbooks/start-incident-runs';
import { defineJob } from './define-job';
import { normalizeReceivedAlert } from './process-alerts-normalize';

/**
 * Received alerts → normalized alerts, artifacts and incidents, in one tenant transaction: claim
 * (row locks, SKIP LOCKED) the job's alerts plus the tenant's oldest other waiting ones, normalize
 * them (CPU only, no I/O, so holding the transaction is fine), write everything. A crash or a
 * retry rolls back or finds the alerts done: nothing is lost or done twice. The tenant's
 * `incident.created` playbooks start in the same transaction, so a new incident never commits without
 * its runs (idempotent per incident and playbook), and so do the `alert.received` playbooks of each
 * stored alert (per alert and playbook). `incident.updated` playbooks start from recordIncidentChange.
 */
export const processAlertsJob = defineJob(
  PROCESS_ALERTS,
  ProcessAlertsPayload,
  async (p, { database, log }) => {
    const result = await withTenantOn(database.db, p.tenantId, async (tx) => {
      const claimed = await claimReceivedAlerts(tx, {
        tenantId: p.tenantId,
        alertIds: p.alertIds,
        limit: MAX_ALERTS_PER_JOB,
      });
      const normalized: ProcessedAlert[] = [];
      for (const alert of claimed) normalized.push(await normalizeReceivedAlert(alert));
      const stored = await storeProcessedAlerts(tx, { tenantId: p.tenantId, alerts: normalized });
      const runs = await startIncidentCreatedRuns(tx, p.tenantId, stored.createdIncidentIds);
      const alertRuns = await startAlertReceivedRuns(
        tx,
        p.tenantId,
        claimed.map((a) => a.id),
      );
      return { claimed: claimed.length, ...stored, runs, alertRuns };
    });
    if (result.failed > 0) log.warn({ failed: result.failed }, 'alerts could not be normalized');
    if (result.runs.skipped.length > 0)
      log.warn({ skipped: result.runs.skipped }, 'incident.created playbooks not started');
    if (result.alertRuns.skipped.length > 0)
      log.warn({ skipped: result.alertRuns.skipped }, 'alert.received playbooks not started');
    return {
      claimed: result.claimed,
      processed: result.processed,
      duplicates: result.duplicates,
      failed: result.failed,
      incidentsCreated: result.createdIncidentIds.length,
      incidentsUpdated: result.updatedIncidentIds.length,
      playbookRunsStarted: result.runs.started.length,
      alertPlaybookRunsStarted: result.alertRuns.started.length,
    };
  },
  // Several jobs per fetch keep throughput up despite pg-boss's sleep between polls.
  { retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true, expireInSeconds: 300, batchSize: 4 },
);
