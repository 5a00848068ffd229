import { RUN_STEP, RunStepPayload } from '@palisade/db/jobs/run-step';
import type { Executor } from '../playbooks/executor';
import { runStep } from '../playbooks/run-step';
import { defineJob } from './define-job';

/**
 * One attempt of a playbook action. A job retry (the worker died mid-action) re-runs the same attempt:
 * a recorded side effect is not repeated; one that was in flight is performed again with the same
 * idempotency key.
 */
export function runStepJob(ex: Executor) {
  return defineJob(
    RUN_STEP,
    RunStepPayload,
    async (p, { database, log, signal }) => ({
      outcome: await runStep(database.db, { ...ex, log }, p, signal),
    }),
    {
      retryLimit: 5,
      retryDelaySeconds: 2,
      retryBackoff: true,
      expireInSeconds: ex.config.runStepExpireSeconds,
      batchSize: 10,
    },
  );
}
