import { z } from 'zod';

export const SlaClocksInput = z.object({ incidentIds: z.array(z.uuid()).min(1).max(200) });
export type SlaClocksInput = z.input<typeof SlaClocksInput>;
