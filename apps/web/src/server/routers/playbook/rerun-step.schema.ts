import { z } from 'zod';

export const RerunStepInput = z.object({ runId: z.uuid(), stepId: z.string().min(1).max(100) });
export type RerunStepInput = z.infer<typeof RerunStepInput>;
