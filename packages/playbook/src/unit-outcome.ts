import { backoffDelay, maxAttempts } from './retry-policy';
import type { UnitState } from './run-state';
import type { Step } from './step';

export function succeedUnit(unit: UnitState, output: unknown, now: number): void {
  unit.status = 'succeeded';
  unit.output = output;
  unit.error = undefined;
  unit.deadline = undefined;
  unit.finishedAt = now;
}

/** A failure either schedules the next attempt (by the step's retry policy) or is final. */
export function failUnit(step: Step, unit: UnitState, error: string, retryable: boolean, now: number): void {
  unit.error = error;
  unit.deadline = undefined;
  if (retryable && unit.attempts < maxAttempts(step.retry)) {
    unit.status = 'pending';
    unit.notBefore = now + backoffDelay(step.retry, unit.attempts);
    return;
  }
  unit.status = 'failed';
  unit.finishedAt = now;
}

/** `<runId>:<stepId>[:<index>]`: stable across attempts and restarts, so a retried side effect dedups. */
export function unitKey(runId: string, stepId: string, index: number | undefined): string {
  return index === undefined ? `${runId}:${stepId}` : `${runId}:${stepId}:${index}`;
}
