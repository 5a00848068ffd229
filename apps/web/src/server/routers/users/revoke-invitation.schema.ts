import { z } from 'zod';

export const RevokeInvitationInput = z.object({ invitationId: z.uuid() });
export type RevokeInvitationInput = z.infer<typeof RevokeInvitationInput>;
