import { createExecutor, type Executor } from '@palisade/worker/playbooks/executor';
import type { Logger } from 'pino';

let shared: Executor | undefined;

/**
 * The executor the web app drives runs with (start, cancel, re-run, decisions): it only plans and
 * enqueues, and runs pure actions inline; every I/O action runs in the worker.
 */
export function playbookExecutor(log: Logger): Executor {
  shared ??= createExecutor(log);
  return { ...shared, log };
}
