import { z } from 'zod';

export const CancelRunInput = z.object({
  runId: z.uuid(),
  reason: z.string().trim().min(1).max(500).default('cancelled from the console'),
});
export type CancelRunInput = z.input<typeof CancelRunInput>;
