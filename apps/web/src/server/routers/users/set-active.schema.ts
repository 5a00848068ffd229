import { z } from 'zod';

export const SetUserActiveInput = z.object({ userId: z.uuid(), active: z.boolean() });
export type SetUserActiveInput = z.infer<typeof SetUserActiveInput>;
