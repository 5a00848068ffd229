import { MAX_ALERTS_PER_JOB, PROCESS_ALERTS, ProcessAlertsPayload } from '@palisade/db/jobs/process-alerts';
import { claimReceivedAlerts } from '@palisade/db/queries/ingest/claim-received-alerts';
import {
  type ProcessedAlert,
  storeProcessedAlerts,
} from '@palisade/db/queries/ingest/store-processed-alerts';
import { withTenantOn } from '@palisade/db/with-tenant';
import { startIncidentCreatedRuns } from '../playbooks/start-incident-runs';
import { defineJob } from './define-job';
import { normalizeReceivedAlert } from './process-alerts-normalize';

/**
 * Received alerts → normalized alerts, artifacts and incidents, in one tenant transaction: claim
 * (row locks, SKIP LOCKED) the job's alerts plus the tenant's oldest other waiting ones, normalize
 * them (CPU only, no I/O, so holding the transaction is fine), write everything. A crash or a
 * retry rolls back or finds the alerts done: nothing is lost or done twice. The tenant's
 * `incident.created` playbooks start in the same transaction, so a new incident never commits without
 * its runs (idempotent per incident and playbook). `alert.received` / `incident.updated` triggers are
 * not fired here: the store does not report which alert joined which incident or what changed on it.
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
      return { claimed: claimed.length, ...stored, runs };
    });
    if (result.failed > 0) log.warn({ failed: result.failed }, 'alerts could not be normalized');
    if (result.runs.skipped.length > 0)
      log.warn({ skipped: result.runs.skipped }, 'incident.created playbooks not started');
    return {
      claimed: result.claimed,
      processed: result.processed,
      duplicates: result.duplicates,
      failed: result.failed,
      incidentsCreated: result.createdIncidentIds.length,
      incidentsUpdated: result.updatedIncidentIds.length,
      playbookRunsStarted: result.runs.started.length,
    };
  },
  // Several jobs per fetch keep throughput up despite pg-boss's sleep between polls.
  { retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true, expireInSeconds: 300, batchSize: 4 },
);
