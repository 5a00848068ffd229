import { z } from 'zod';

export const IncidentEnrichmentInput = z.object({ incidentId: z.uuid() });
export type IncidentEnrichmentInput = z.infer<typeof IncidentEnrichmentInput>;
