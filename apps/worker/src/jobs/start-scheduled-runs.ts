import { START_SCHEDULED_RUNS, StartScheduledRunsPayload } from '@palisade/db/jobs/start-scheduled-runs';
import type { Executor } from '../playbooks/executor';
import { startDueScheduledRuns } from '../playbooks/start-scheduled-runs';
import { defineJob } from './define-job';

/** Every minute: the due slot of each `schedule` playbook, once per slot whatever the tick count. */
export function startScheduledRunsJob(ex: Executor) {
  return defineJob(
    START_SCHEDULED_RUNS,
    StartScheduledRunsPayload,
    async (_p, { database, log }) => {
      const result = await startDueScheduledRuns({ db: database.db, ex: { ...ex, log }, log });
      return { started: result.started.length, failed: result.failed.length };
    },
    // A late tick is harmless (the next one catches the slot up); retrying an old tick is not useful.
    { retryLimit: 0, expireInSeconds: 120, batchSize: 1, cron: { expression: '* * * * *', payload: {} } },
  );
}
