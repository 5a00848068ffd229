import { z } from 'zod';

export const SetClientRoleInput = z.object({
  userId: z.uuid(),
  role: z.enum(['client_admin', 'client_viewer']),
});
export type SetClientRoleInput = z.infer<typeof SetClientRoleInput>;
