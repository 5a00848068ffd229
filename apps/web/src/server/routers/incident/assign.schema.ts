import { z } from 'zod';

export const AssignIncidentInput = z.object({
  incidentId: z.uuid(),
  /** An analyst of the incident's tenant; null unassigns. */
  assigneeUserId: z.uuid().nullable(),
});
export type AssignIncidentInput = z.infer<typeof AssignIncidentInput>;
