import { z } from 'zod';

export const RetryNotificationInput = z.object({ messageId: z.uuid() });
export type RetryNotificationInput = z.infer<typeof RetryNotificationInput>;
