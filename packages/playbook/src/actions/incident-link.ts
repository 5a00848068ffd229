import { z } from 'zod';
import { defineAction } from '../action-registry';

export const incidentLink = defineAction({
  id: 'incident.link',
  description: 'Link the incident to given incidents and/or to open incidents sharing its artifacts',
  input: z.strictObject({
    incidentId: z.uuid(),
    incidentIds: z.array(z.uuid()).default([]),
    bySharedArtifacts: z.boolean().default(false),
  }),
  output: z.object({ linked: z.array(z.uuid()) }),
  sideEffects: true,
  dryRunOutput: (input) => ({ linked: input.incidentIds }),
});
