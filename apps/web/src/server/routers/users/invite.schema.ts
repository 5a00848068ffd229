import { z } from 'zod';

export const InviteUserInput = z.object({
  email: z.email().trim().toLowerCase(),
  role: z.enum(['client_admin', 'client_viewer']),
});
export type InviteUserInput = z.infer<typeof InviteUserInput>;
