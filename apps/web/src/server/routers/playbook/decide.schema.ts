import { z } from 'zod';

export const DecideInput = z.object({
  runId: z.uuid(),
  stepId: z.string().min(1).max(100),
  index: z.int().min(0).default(0),
  choice: z.string().min(1).max(200),
  comment: z.string().max(2000).optional(),
});
export type DecideInput = z.input<typeof DecideInput>;
