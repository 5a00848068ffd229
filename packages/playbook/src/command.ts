import { z } from 'zod';

const Where = { stepId: z.string(), index: z.int().min(0).optional() };
const Millis = z.int().min(0);

/**
 * What the planner asks the worker to do. Each is emitted exactly once, on the transition that caused it, so
 * the worker can persist the new state and enqueue these in one transaction. `index` is present only for a
 * foreach unit; `attempt` must be echoed back in the event that reports the outcome.
 */
export const Command = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-action'),
    ...Where,
    attempt: z.int().min(1),
    actionId: z.string(),
    input: z.record(z.string(), z.unknown()),
    sideEffects: z.boolean(),
    idempotencyKey: z.string(),
    deadline: Millis.optional(),
  }),
  /** dry run: the side-effecting action is recorded for the run view, not performed; the unit already succeeded */
  z.object({
    type: z.literal('record-effect'),
    ...Where,
    actionId: z.string(),
    input: z.record(z.string(), z.unknown()),
    idempotencyKey: z.string(),
  }),
  z.object({
    type: z.literal('start-child'),
    ...Where,
    attempt: z.int().min(1),
    playbookId: z.string(),
    inputs: z.record(z.string(), z.unknown()),
    /** pass as parentCallStack to createRunState */
    callStack: z.array(z.string()),
    dryRun: z.boolean(),
    /** the parent's incident, alert and tenant, for the child's context unless the worker reloads them */
    context: z.object({
      incident: z.unknown().optional(),
      alert: z.unknown().optional(),
      tenant: z.unknown().optional(),
    }),
    /**
     * `<runId>:<stepId>[:<index>]#<attempt>`: derive the child run id from it so a replayed command cannot
     * start a second child. A retried call step is a new attempt and so a fresh child run.
     */
    childRunKey: z.string(),
    deadline: Millis.optional(),
  }),
  z.object({ type: z.literal('wait-until'), ...Where, until: Millis }),
  z.object({
    type: z.literal('await-decision'),
    ...Where,
    role: z.string(),
    prompt: z.string(),
    choices: z.array(z.string()),
    deadline: Millis.optional(),
  }),
  /** abort in-flight work (a timed-out attempt, or a cancelled run); a late reply for it will be ignored */
  z.object({
    type: z.literal('cancel'),
    ...Where,
    attempt: z.int().min(1),
    kind: z.enum(['action', 'call']),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('run-finished'),
    status: z.enum(['succeeded', 'failed', 'cancelled']),
    outputs: z.record(z.string(), z.unknown()).optional(),
    error: z.string().optional(),
  }),
]);
export type Command = z.infer<typeof Command>;
