import { z } from 'zod';

export const TotpCodeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'a 6-digit code'),
});
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;
