import { z } from 'zod';
import { defineAction } from '../action-registry';

const Tag = z.string().min(1).max(64);

export const incidentTag = defineAction({
  id: 'incident.tag',
  description: 'Add or remove incident tags',
  input: z.strictObject({
    incidentId: z.uuid(),
    add: z.array(Tag).default([]),
    remove: z.array(Tag).default([]),
  }),
  output: z.object({ tags: z.array(Tag) }),
  sideEffects: true,
  dryRunOutput: (input) => ({ tags: input.add }),
});
