import { z } from 'zod';
import { defineAction } from '../action-registry';

export const incidentComment = defineAction({
  id: 'incident.comment',
  description: 'Add a comment to the incident timeline',
  input: z.strictObject({
    incidentId: z.uuid(),
    body: z.string().min(1).max(20_000),
    visibility: z.enum(['internal', 'client']).default('internal'),
  }),
  output: z.object({ commentId: z.string() }),
  sideEffects: true,
  dryRunOutput: () => ({ commentId: 'dry-run' }),
});
