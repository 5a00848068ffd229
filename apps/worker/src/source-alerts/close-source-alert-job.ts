import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import { CLOSE_SOURCE_ALERT, CloseSourceAlertPayload } from '@palisade/db/jobs/close-source-alert';
import { defineJob } from '../jobs/define-job';
import { closeSourceAlerts } from './close-source-alerts';

/** Thrown so pg-boss retries with backoff; the timeline already shows each failed attempt. */
export class SourceAlertCloseFailed extends Error {
  readonly code = 'SOURCE_ALERT_CLOSE_FAILED' as const;
}

/**
 * On resolve (enqueued by setIncidentStatus in the resolving transaction): closes the source
 * alerts, retried with exponential backoff while a SIEM fails; each attempt's outcome is on the
 * incident timeline.
 */
export const closeSourceAlertJob = defineJob(
  CLOSE_SOURCE_ALERT,
  CloseSourceAlertPayload,
  async (p, { database, signal, log, job }) => {
    const result = await closeSourceAlerts(
      { db: database.db, secretKey: () => secretKeyFromEnv() },
      {
        tenantId: p.tenantId,
        incidentId: p.incidentId,
        attempt: job.retryCount + 1,
        maxAttempts: job.retryLimit + 1,
        signal,
      },
    );
    log.info(
      { closed: result.closed, unsupported: result.unsupported, failed: result.failed.length },
      'source alerts closed',
    );
    if (result.failed.length > 0) {
      throw new SourceAlertCloseFailed(
        result.failed.map((f) => `${f.dataSourceName}: ${f.message}`).join('; '),
      );
    }
    return result;
  },
  { retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 300, batchSize: 1 },
);
