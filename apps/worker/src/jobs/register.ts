import { deliverEmailJob } from '../notifications/deliver-email-job';
import { reportJobs } from '../reports/report-jobs';
import { slaJobs } from '../sla/sla-jobs';
import { closeSourceAlertJob } from '../source-alerts/close-source-alert-job';
import type { JobDefinition } from './define-job';
import { enrichIncidentJob } from './enrich-incident';
import { playbookJobs } from './playbook-jobs';
import { processAlertsJob } from './process-alerts';
import { pruneDedupKeysJob } from './prune-dedup-keys';
import { type JobRuntime, runJobBatch } from './run-job-batch';

/** Every job this worker runs. A handler not listed here never gets a queue or a worker. */
export const allJobs: readonly JobDefinition[] = [
  ...playbookJobs(),
  processAlertsJob,
  enrichIncidentJob,
  pruneDedupKeysJob as JobDefinition,
  deliverEmailJob as JobDefinition,
  ...(slaJobs as JobDefinition[]),
  ...reportJobs,
  closeSourceAlertJob as JobDefinition,
];

/**
 * Creates (or updates) each job's queue, syncs its cron schedule and starts `concurrency`
 * fetch loops on it. pg-boss 10 refuses send/work on a queue that was never created.
 */
export async function registerJobs(
  definitions: readonly JobDefinition[],
  runtime: JobRuntime,
  concurrency: number,
): Promise<void> {
  const { boss } = runtime;
  for (const definition of definitions) {
    const { name, options } = definition;
    const queue = {
      name,
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: options.retryBackoff,
      expireInSeconds: options.expireInSeconds,
    };
    await boss.createQueue(name, queue);
    // createQueue keeps an existing queue as it is; options changed in code must still apply.
    await boss.updateQueue(name, queue);

    if (options.cron) {
      await boss.schedule(name, options.cron.expression, asObject(options.cron.payload), { tz: 'UTC' });
    } else {
      // A cron removed from the code must stop firing.
      await boss.unschedule(name);
    }

    for (let i = 0; i < concurrency; i++) {
      await boss.work(name, { batchSize: options.batchSize, includeMetadata: true }, (jobs) =>
        runJobBatch(definition, jobs, runtime),
      );
    }
  }
}

function asObject(payload: unknown): object {
  if (typeof payload !== 'object' || payload === null) throw new Error('a cron payload must be an object');
  return payload;
}
