import { z } from 'zod';
import { defineAction } from '../action-registry';
import { Ioc } from '../param';

export const Severity = z.enum(['informational', 'low', 'medium', 'high', 'critical']);

export const incidentUpdate = defineAction({
  id: 'incident.update',
  description: 'Update incident fields and attach artifacts',
  input: z.strictObject({
    incidentId: z.uuid(),
    fields: z
      .strictObject({
        title: z.string().min(1).max(500).optional(),
        description: z.string().max(20_000).optional(),
        severity: Severity.optional(),
        status: z.enum(['new', 'in_progress', 'on_hold', 'resolved', 'closed']).optional(),
        resolution: z.enum(['true_positive', 'false_positive', 'benign']).optional(),
      })
      .default({}),
    addArtifacts: z.array(Ioc).default([]),
    mitreTechniques: z.array(z.string().regex(/^T\d{4}(\.\d{3})?$/)).default([]),
  }),
  output: z.object({ incidentId: z.uuid(), updated: z.array(z.string()) }),
  sideEffects: true,
  dryRunOutput: (input) => ({ incidentId: input.incidentId, updated: Object.keys(input.fields) }),
});
