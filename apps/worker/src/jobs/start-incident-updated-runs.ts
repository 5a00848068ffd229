import {
  START_INCIDENT_UPDATED_RUNS,
  StartIncidentUpdatedRunsPayload,
} from '@palisade/db/jobs/start-incident-updated-runs';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { Executor } from '../playbooks/executor';
import { startIncidentUpdatedRuns } from '../playbooks/start-incident-updated-runs';
import { defineJob } from './define-job';

/** Queued by recordIncidentChange in the change's own transaction; see startIncidentUpdatedRuns. */
export function startIncidentUpdatedRunsJob(ex: Executor) {
  return defineJob(
    START_INCIDENT_UPDATED_RUNS,
    StartIncidentUpdatedRunsPayload,
    async (p, { database, log }) => {
      const result = await withTenantOn(database.db, p.tenantId, (tx) =>
        startIncidentUpdatedRuns(tx, p, { ...ex, log }),
      );
      if (result.loopGuard)
        log.warn({ incident_id: p.incidentId }, 'incident.updated playbooks looping: not started');
      if (result.skipped.length > 0)
        log.warn({ skipped: result.skipped }, 'incident.updated playbooks not started');
      return { started: result.started.length, skipped: result.skipped.length, loopGuard: result.loopGuard };
    },
    { retryLimit: 5, retryDelaySeconds: 2, retryBackoff: true, expireInSeconds: 120, batchSize: 10 },
  );
}
