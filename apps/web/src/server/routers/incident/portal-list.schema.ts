import { incidentStatus, severityLevel } from '@palisade/db/schema';
import { z } from 'zod';

export const PortalListIncidentsInput = z.object({
  status: z.array(z.enum(incidentStatus.enumValues)).max(5).optional(),
  severity: z.array(z.enum(severityLevel.enumValues)).max(5).optional(),
  search: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type PortalListIncidentsInput = z.input<typeof PortalListIncidentsInput>;
