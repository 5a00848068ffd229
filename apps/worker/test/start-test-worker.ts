import type { JobDefinition } from '../src/jobs/define-job';
import { type RunningWorker, startWorker } from '../src/start-worker';
import { type CapturedLogs, captureLogs } from './capture-logs';
import type { TestDatabase } from './test-database';

export interface TestWorker extends RunningWorker {
  logs: CapturedLogs;
}

/** A worker on a random port, fast polling, one fetch loop per queue, logs captured. */
export async function startTestWorker(
  db: TestDatabase,
  jobs: readonly JobDefinition[],
  { concurrency = 1, drainTimeoutMs = 15_000 } = {},
): Promise<TestWorker> {
  const logs = captureLogs();
  const worker = await startWorker({
    database: db.database,
    logger: logs.logger,
    port: 0,
    concurrency,
    drainTimeoutMs,
    jobs,
    boss: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
  });
  return { ...worker, logs };
}
