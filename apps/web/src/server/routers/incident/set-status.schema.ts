import { incidentStatus } from '@palisade/db/schema';
import { z } from 'zod';

export const SetIncidentStatusInput = z.object({
  incidentId: z.uuid(),
  status: z.enum(incidentStatus.enumValues),
});
export type SetIncidentStatusInput = z.infer<typeof SetIncidentStatusInput>;
