import { z } from 'zod';

export const GetPlaybookInput = z.object({
  playbookId: z.uuid(),
  /** default: the current version */
  version: z.int().min(1).optional(),
});
export type GetPlaybookInput = z.infer<typeof GetPlaybookInput>;
