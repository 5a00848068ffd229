import { z } from 'zod';

export const ConsoleSummaryInput = z.object({
  /** One tenant of the staff member's scope (the top bar's filter); absent: all of them. */
  tenantId: z.uuid().optional(),
});
export type ConsoleSummaryInput = z.input<typeof ConsoleSummaryInput>;
