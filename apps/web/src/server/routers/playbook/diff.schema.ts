import { z } from 'zod';

export const PlaybookDiffInput = z.object({
  playbookId: z.uuid(),
  from: z.int().min(1),
  to: z.int().min(1),
});
export type PlaybookDiffInput = z.infer<typeof PlaybookDiffInput>;
