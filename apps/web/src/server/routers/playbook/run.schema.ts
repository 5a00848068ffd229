import { z } from 'zod';

export const GetRunInput = z.object({ runId: z.uuid() });
export type GetRunInput = z.infer<typeof GetRunInput>;
