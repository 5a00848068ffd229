import { z } from 'zod';

export const RemoveContactInput = z.object({ contactId: z.uuid() });
export type RemoveContactInput = z.infer<typeof RemoveContactInput>;
