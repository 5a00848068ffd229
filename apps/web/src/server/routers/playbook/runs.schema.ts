import { z } from 'zod';

export const ListRunsInput = z.object({
  playbookId: z.uuid().optional(),
  status: z.array(z.enum(['running', 'succeeded', 'failed', 'cancelled'])).optional(),
  incidentId: z.uuid().optional(),
  /** hide the nested runs started by `call` steps */
  rootOnly: z.boolean().default(true),
  before: z.date().optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type ListRunsInput = z.input<typeof ListRunsInput>;
