import { z } from 'zod';

export const CreateApiKeyInput = z.object({ dataSourceId: z.uuid() });
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;
