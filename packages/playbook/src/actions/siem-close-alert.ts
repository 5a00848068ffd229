import { z } from 'zod';
import { defineAction } from '../action-registry';

export const siemCloseAlert = defineAction({
  id: 'siem.close_alert',
  description: "Close the incident's source alert(s) in the SIEM, where the source supports it",
  input: z.strictObject({
    incidentId: z.uuid(),
    resolution: z.enum(['true_positive', 'false_positive', 'benign']),
    comment: z.string().max(5_000).optional(),
  }),
  output: z.object({ closed: z.int().min(0), unsupported: z.int().min(0) }),
  sideEffects: true,
  idempotencyKey: (input) => `siem.close:${input.incidentId}`,
  dryRunOutput: () => ({ closed: 0, unsupported: 0 }),
});
