import type { Logger } from 'pino';
import { createLogger } from '../logger';
import { createExecutor, type Executor } from '../playbooks/executor';
import type { ExecutorConfigInput } from '../playbooks/executor-config';
import { advanceRunJob } from './advance-run';
import type { JobDefinition } from './define-job';
import { runStepJob } from './run-step';
import { startIncidentUpdatedRunsJob } from './start-incident-updated-runs';
import { startScheduledRunsJob } from './start-scheduled-runs';

/** The playbook executor's jobs and its triggers' jobs, sharing one executor (its config and action handlers). */
export function playbookJobs(config: ExecutorConfigInput = {}, log?: Logger): JobDefinition[] {
  return playbookJobsFor(createExecutor(log ?? createLogger(), config));
}

/** The same jobs on an executor the caller also uses (tests start runs with it). */
export function playbookJobsFor(ex: Executor): JobDefinition[] {
  return [
    advanceRunJob(ex) as JobDefinition,
    runStepJob(ex) as JobDefinition,
    startIncidentUpdatedRunsJob(ex) as JobDefinition,
    startScheduledRunsJob(ex) as JobDefinition,
  ];
}
