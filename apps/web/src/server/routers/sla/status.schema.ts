import { z } from 'zod';

export const SlaStatusInput = z.object({ days: z.int().min(1).max(365).default(30) });
export type SlaStatusInput = z.input<typeof SlaStatusInput>;
