import { z } from 'zod';

export const RollbackPlaybookInput = z.object({ playbookId: z.uuid(), version: z.int().min(1) });
export type RollbackPlaybookInput = z.infer<typeof RollbackPlaybookInput>;
