import { severityLevel } from '@palisade/db/schema';
import { z } from 'zod';

export const SetIncidentSeverityInput = z.object({
  incidentId: z.uuid(),
  severity: z.enum(severityLevel.enumValues),
});
export type SetIncidentSeverityInput = z.infer<typeof SetIncidentSeverityInput>;
