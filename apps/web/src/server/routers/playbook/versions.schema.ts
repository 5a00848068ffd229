import { z } from 'zod';

export const PlaybookVersionsInput = z.object({ playbookId: z.uuid() });
export type PlaybookVersionsInput = z.infer<typeof PlaybookVersionsInput>;
