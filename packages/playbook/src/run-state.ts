import { z } from 'zod';

/** Epoch milliseconds: the planner only compares and adds, and a JSON column keeps them exactly. */
const Millis = z.int().min(0);

export const UnitStatus = z.enum(['pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped']);
export type UnitStatus = z.infer<typeof UnitStatus>;

/**
 * One execution of a step: the step itself, or one foreach item. Attempts count starts, so an event for an
 * older attempt (a late reply after a timeout) is recognisably stale.
 */
export const UnitState = z.object({
  status: UnitStatus,
  attempts: z.int().min(0).default(0),
  /** a pending retry may not start before this */
  notBefore: Millis.optional(),
  /** a running/waiting unit times out at this moment */
  deadline: Millis.optional(),
  /** wait steps: when the wait ends */
  until: Millis.optional(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  error: z.string().optional(),
  /** set when a dry run recorded this side effect instead of performing it */
  dryRun: z.boolean().optional(),
  startedAt: Millis.optional(),
  finishedAt: Millis.optional(),
});
export type UnitState = z.infer<typeof UnitState>;

export const StepStatus = z.enum(['pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped']);
export type StepStatus = z.infer<typeof StepStatus>;

export const StepState = z.object({
  status: StepStatus,
  /** a goto target runs only once something jumps to it */
  activated: z.boolean().default(false),
  /** the evaluated foreach list, kept so re-planning never re-evaluates it against a changed context */
  items: z.array(z.unknown()).optional(),
  units: z.array(UnitState).default([]),
  output: z.unknown().optional(),
  error: z.string().optional(),
  /** how a failure was absorbed: `continue` lets dependents run, `goto` skips them and runs the target */
  handled: z.enum(['continue', 'goto']).optional(),
  skipReason: z.string().optional(),
  startedAt: Millis.optional(),
  finishedAt: Millis.optional(),
});
export type StepState = z.infer<typeof StepState>;

export const RunStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunContext = z.object({
  incident: z.unknown().optional(),
  alert: z.unknown().optional(),
  tenant: z.unknown().optional(),
  inputs: z.record(z.string(), z.unknown()),
});
export type RunContext = z.infer<typeof RunContext>;

/** Everything the planner needs about a run; the worker stores it as run and step-run rows. */
export const RunState = z.object({
  runId: z.string().min(1),
  tenantId: z.string().min(1),
  playbookId: z.string().min(1),
  playbookVersion: z.int().min(1),
  /** playbook ids from the root run down to this one, this one last */
  callStack: z.array(z.string()).min(1),
  dryRun: z.boolean(),
  status: RunStatus,
  context: RunContext,
  steps: z.record(z.string(), StepState),
  /** a step failed with on_error: fail; no new work starts, the run fails once in-flight work settles */
  failure: z.object({ stepId: z.string(), error: z.string() }).optional(),
  cancelRequested: z.string().optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
  startedAt: Millis,
  finishedAt: Millis.optional(),
});
export type RunState = z.infer<typeof RunState>;

export const TERMINAL_UNIT: ReadonlySet<UnitStatus> = new Set(['succeeded', 'failed', 'skipped']);
export const TERMINAL_STEP: ReadonlySet<StepStatus> = new Set(['succeeded', 'failed', 'skipped']);

/** skipReason of steps that never ran because the run failed or was cancelled first */
export const RUN_STOPPED = 'run stopped before this step ran';
