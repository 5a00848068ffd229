import { z } from 'zod';
import { defineAction } from '../action-registry';
import { Severity } from './incident-update';

export const slaStart = defineAction({
  id: 'sla.start',
  description: "Start the incident's SLA timers from the tenant's policy for its severity",
  input: z.strictObject({ incidentId: z.uuid(), severity: Severity.optional() }),
  output: z.object({
    timers: z.array(
      z.object({ kind: z.enum(['assign', 'resolve']), dueAt: z.iso.datetime({ offset: true }) }),
    ),
  }),
  sideEffects: true,
  idempotencyKey: (input) => `sla.start:${input.incidentId}`,
  dryRunOutput: () => ({ timers: [] }),
});
