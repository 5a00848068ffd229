import { z } from 'zod';

export const ExecutorConfig = z.object({
  /**
   * Units of one tenant dispatched to the run-step queue at once. Over it, units wait as `deferred`
   * rows and are dispatched as the tenant's own units finish, so a flooding tenant queues behind itself
   * instead of ahead of everyone else.
   */
  tenantStepLimit: z.int().min(1).default(20),
  /**
   * Pure, in-process actions (var.set, ioc.extract: no I/O) run inside the advancing transaction instead
   * of as a job each. They still get step-run rows with input, output and timing.
   */
  inlinePureActions: z.boolean().default(true),
  /** How long one run-step attempt may stay active before pg-boss hands it to another worker. */
  runStepExpireSeconds: z.int().min(1).default(120),
  /** Hosts http.request may call, per tenant (exact names or `*.domain`). */
  httpAllowedHosts: z.array(z.string()).default([]),
});
export type ExecutorConfig = z.infer<typeof ExecutorConfig>;
export type ExecutorConfigInput = z.input<typeof ExecutorConfig>;
