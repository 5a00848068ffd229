import { z } from 'zod';

export const AddIncidentTagInput = z.object({
  incidentId: z.uuid(),
  /** Lower-cased so `Phishing` and `phishing` are one tag. */
  tag: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:/-]*$/u, 'letters, digits, space and . _ : / - only')
    .transform((s) => s.toLowerCase()),
});
export type AddIncidentTagInput = z.infer<typeof AddIncidentTagInput>;
