import { z } from 'zod';

export const ResetPasswordInput = z.object({ userId: z.uuid() });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
