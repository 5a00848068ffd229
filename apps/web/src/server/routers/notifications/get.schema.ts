import { z } from 'zod';

export const GetNotificationInput = z.object({ messageId: z.uuid() });
export type GetNotificationInput = z.infer<typeof GetNotificationInput>;
