import { z } from 'zod';

/** Perform one attempt of one unit of a playbook run (its `playbook_step_runs` row holds the command). */
export const RUN_STEP = 'run-step';
export const RunStepPayload = z.object({
  tenantId: z.uuid(),
  runId: z.uuid(),
  stepId: z.string().min(1),
  index: z.int().min(0),
  /** the run's re-run generation the attempt belongs to */
  generation: z.int().min(0).default(0),
  attempt: z.int().min(1),
});
export type RunStepPayload = z.infer<typeof RunStepPayload>;
