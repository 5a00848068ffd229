import { z } from 'zod';

export const DryRunInput = z.object({
  playbookId: z.uuid(),
  incidentId: z.uuid(),
  inputs: z.record(z.string(), z.unknown()).default({}),
});
export type DryRunInput = z.input<typeof DryRunInput>;
