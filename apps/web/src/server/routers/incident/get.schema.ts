import { z } from 'zod';

export const GetIncidentInput = z.object({ incidentId: z.uuid() });
export type GetIncidentInput = z.infer<typeof GetIncidentInput>;
