import { z } from 'zod';
import { defineAction } from '../action-registry';

export const slaStop = defineAction({
  id: 'sla.stop',
  description: "Stop the incident's SLA timers",
  input: z.strictObject({ incidentId: z.uuid(), kind: z.enum(['assign', 'resolve', 'all']).default('all') }),
  output: z.object({ stopped: z.int().min(0) }),
  sideEffects: true,
  idempotencyKey: (input) => `sla.stop:${input.incidentId}:${input.kind}`,
  dryRunOutput: () => ({ stopped: 0 }),
});
