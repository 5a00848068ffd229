import { z } from 'zod';

export const StartRunInput = z.object({
  playbookId: z.uuid(),
  inputs: z.record(z.string(), z.unknown()).default({}),
  /** run against this incident: it becomes the run's `incident` (and its first alert `alert`) */
  incidentId: z.uuid().optional(),
});
export type StartRunInput = z.input<typeof StartRunInput>;
