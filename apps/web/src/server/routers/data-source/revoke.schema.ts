import { z } from 'zod';

export const RevokeApiKeyInput = z.object({ keyId: z.uuid() });
export type RevokeApiKeyInput = z.infer<typeof RevokeApiKeyInput>;
