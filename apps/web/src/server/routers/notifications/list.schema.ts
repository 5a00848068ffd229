import { z } from 'zod';

export const ListNotificationsInput = z.object({
  /** One tenant of the staff member's scope; all of them when absent. */
  tenantId: z.uuid().optional(),
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  incidentId: z.uuid().optional(),
  limit: z.int().min(1).max(200).default(50),
  cursor: z.object({ createdAt: z.coerce.date(), id: z.uuid() }).optional(),
});
export type ListNotificationsInput = z.infer<typeof ListNotificationsInput>;
