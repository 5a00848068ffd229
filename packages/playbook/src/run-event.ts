import { z } from 'zod';
import type { Playbook } from './definition';
import { RUN_STOPPED, type RunState } from './run-state';
import { failUnit, succeedUnit } from './unit-outcome';

const Unit = { stepId: z.string(), index: z.int().min(0).default(0) };

/** What the worker reports back. `index` is the foreach unit (0 for a plain step). */
export const RunEvent = z.discriminatedUnion('type', [
  /** an action's validated output, or a child run's outputs */
  z.object({ type: z.literal('unit.succeeded'), ...Unit, attempt: z.int().min(1), output: z.unknown() }),
  /** retryable: false for errors another attempt cannot fix (bad input, child refused to start) */
  z.object({
    type: z.literal('unit.failed'),
    ...Unit,
    attempt: z.int().min(1),
    error: z.string(),
    retryable: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('decision.made'),
    ...Unit,
    choice: z.string(),
    by: z.string(),
    comment: z.string().optional(),
  }),
  z.object({ type: z.literal('run.cancel'), reason: z.string().min(1) }),
  /** re-run a failed step and everything downstream of it */
  z.object({ type: z.literal('step.rerun'), stepId: z.string() }),
]);
export type RunEvent = z.input<typeof RunEvent>;

export type ApplyResult =
  | { state: RunState; accepted: true }
  | { state: RunState; accepted: false; reason: string };

/**
 * Folds one event into the run state. Stale or duplicate events (pg-boss delivers at least once; a timed-out
 * attempt may still answer) are refused, not errors: the worker logs and drops them.
 */
export function applyEvent(
  playbook: Playbook,
  current: RunState,
  rawEvent: RunEvent,
  now: number,
): ApplyResult {
  const parsed = RunEvent.safeParse(rawEvent);
  if (!parsed.success)
    return { state: current, accepted: false, reason: `malformed event: ${parsed.error.message}` };
  const event = parsed.data;
  const reject = (reason: string): ApplyResult => ({ state: current, accepted: false, reason });

  if (event.type === 'step.rerun') return rerun(playbook, current, event.stepId);
  if (current.status !== 'running') return reject(`run is ${current.status}`);
  const state = structuredClone(current);
  if (event.type === 'run.cancel') {
    state.cancelRequested = event.reason;
    return { state, accepted: true };
  }
  const def = playbook.steps.find((s) => s.id === event.stepId);
  const unit = state.steps[event.stepId]?.units[event.index];
  if (!def || !unit) return reject(`no unit ${event.stepId}[${event.index}]`);

  if (event.type === 'decision.made') {
    if (def.kind !== 'decision' || unit.status !== 'waiting') return reject('no decision is awaited there');
    if (!def.decision.choices.includes(event.choice))
      return reject(`'${event.choice}' is not an offered choice`);
    succeedUnit(
      unit,
      { choice: event.choice, by: event.by, comment: event.comment ?? null, timedOut: false },
      now,
    );
    return { state, accepted: true };
  }
  if (unit.status !== 'running' || unit.attempts !== event.attempt) {
    return reject(
      `stale result for attempt ${event.attempt} (unit is ${unit.status}, attempt ${unit.attempts})`,
    );
  }
  if (event.type === 'unit.succeeded') succeedUnit(unit, event.output, now);
  else failUnit(def, unit, event.error, event.retryable, now);
  return { state, accepted: true };
}

function rerun(playbook: Playbook, current: RunState, stepId: string): ApplyResult {
  const target = current.steps[stepId];
  if (target?.status !== 'failed')
    return { state: current, accepted: false, reason: 'only a failed step can be re-run' };
  if (current.status === 'running' && !current.failure && target.handled === undefined) {
    return { state: current, accepted: false, reason: 'run is still running' };
  }
  const state = structuredClone(current);
  // Steps the failure stopped never ran, so they get their chance again.
  const reset = new Set([
    stepId,
    ...Object.entries(current.steps).flatMap(([id, s]) => (s.skipReason === RUN_STOPPED ? [id] : [])),
  ]);
  // Downstream steps ran (or were skipped) on the old outcome, so they go back to pending as well.
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of playbook.steps) {
      if (!reset.has(s.id) && s.needs.some((n) => reset.has(n))) {
        reset.add(s.id);
        grew = true;
      }
    }
  }
  for (const id of reset) {
    const activated = state.steps[id]?.activated ?? false;
    state.steps[id] = { status: 'pending', activated: id === stepId ? activated : false, units: [] };
  }
  state.status = 'running';
  state.failure = undefined;
  state.error = undefined;
  state.outputs = undefined;
  state.finishedAt = undefined;
  return { state, accepted: true };
}
