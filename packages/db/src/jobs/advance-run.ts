import { z } from 'zod';

/** Replan a playbook run, optionally folding one event in first (a wake-up has none). */
export const ADVANCE_RUN = 'advance-run';
export const AdvanceRunPayload = z.object({
  tenantId: z.uuid(),
  runId: z.uuid(),
  /** A RunEvent of @palisade/playbook, validated by the engine's applyEvent. */
  event: z.record(z.string(), z.unknown()).optional(),
});
export type AdvanceRunPayload = z.infer<typeof AdvanceRunPayload>;
