import type { Database } from '@palisade/db/client';
import { allJobs } from '@palisade/worker/jobs/register';
import { startWorker } from '@palisade/worker/start-worker';
import { logger } from '@/server/logger';

/**
 * Installs pg-boss and creates every queue the app enqueues to, as a deployed worker does on start
 * (a worker started and stopped at once, no daemons), so procedures that queue jobs in their
 * transaction (playbook steps, SLA timers, emails, reports) find their queue. No job runs here.
 */
export async function createWorkerQueues(database: Database): Promise<void> {
  const worker = await startWorker({
    database,
    logger,
    port: 0,
    concurrency: 1,
    jobs: allJobs,
    daemons: false,
  });
  await worker.stop();
}
