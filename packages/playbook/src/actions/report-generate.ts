import { z } from 'zod';
import { defineAction } from '../action-registry';

const When = z.iso.datetime({ offset: true });

export const reportGenerate = defineAction({
  id: 'report.generate',
  description: 'Render a branded PDF report for an incident or a period',
  input: z
    .strictObject({
      kind: z.enum(['incident', 'periodic']),
      incidentId: z.uuid().optional(),
      from: When.optional(),
      to: When.optional(),
    })
    .refine((i) => (i.kind === 'incident' ? Boolean(i.incidentId) : Boolean(i.from && i.to)), {
      message: 'an incident report needs incidentId; a periodic report needs from and to',
    }),
  output: z.object({ reportId: z.string(), downloadPath: z.string() }),
  sideEffects: true,
  idempotencyKey: (input, ctx) =>
    input.kind === 'incident'
      ? `report:${input.incidentId}:${ctx.runId}`
      : `report:${ctx.tenantId}:${input.from}:${input.to}`,
  dryRunOutput: () => ({ reportId: 'dry-run', downloadPath: '' }),
});
