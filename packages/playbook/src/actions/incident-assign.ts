import { z } from 'zod';
import { defineAction } from '../action-registry';

export const incidentAssign = defineAction({
  id: 'incident.assign',
  description: 'Assign an incident to a user, or to the least-loaded member of a role',
  input: z
    .strictObject({ incidentId: z.uuid(), userId: z.uuid().optional(), role: z.string().min(1).optional() })
    .refine((i) => Boolean(i.userId) !== Boolean(i.role), 'give exactly one of userId or role'),
  output: z.object({ incidentId: z.uuid(), assigneeId: z.uuid().nullable() }),
  sideEffects: true,
  dryRunOutput: (input) => ({ incidentId: input.incidentId, assigneeId: input.userId ?? null }),
});
