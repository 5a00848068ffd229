import { z } from 'zod';

/** Sends one outbox message (Resend, or the built-in outbox) and records the attempt. */
export const DELIVER_EMAIL = 'deliver-email';

export const DeliverEmailPayload = z.object({ tenantId: z.uuid(), messageId: z.uuid() });
export type DeliverEmailPayload = z.infer<typeof DeliverEmailPayload>;
