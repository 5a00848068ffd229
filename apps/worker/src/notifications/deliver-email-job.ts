import { DELIVER_EMAIL, DeliverEmailPayload } from '@palisade/db/jobs/deliver-email';
import { loadWorkerEnv } from '../env';
import { defineJob } from '../jobs/define-job';
import { deliverEmail } from './deliver-email';
import { mailerFromEnv } from './mailer';

/**
 * Delivers one outbox message. Six attempts with exponential backoff from 30 s (about 30 min in all)
 * ride out a provider outage; after the last one the message is failed and the console can retry it.
 */
export const deliverEmailJob = defineJob(
  DELIVER_EMAIL,
  DeliverEmailPayload,
  async (p, { database, log, job, signal }) =>
    deliverEmail({ db: database.db, mailer: mailerFromEnv(loadWorkerEnv()), log }, p, {
      isLast: job.retryCount >= job.retryLimit,
      signal,
    }),
  { retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 300, batchSize: 5 },
);
