import { z } from 'zod';
import { MAX_SOURCE_CHARS } from './validate.schema';

export const SavePlaybookInput = z.object({
  /** absent: a new playbook (its YAML id must not be taken) */
  playbookId: z.uuid().optional(),
  source: z.string().min(1).max(MAX_SOURCE_CHARS),
  note: z.string().max(500).optional(),
});
export type SavePlaybookInput = z.infer<typeof SavePlaybookInput>;
