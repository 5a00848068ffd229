import { z } from 'zod';
import { defineAction } from '../action-registry';

/** Goes through the notification outbox; the key makes a post-crash retry a no-op at the provider. */
export const emailSend = defineAction({
  id: 'email.send',
  description: 'Send an email through the notification outbox',
  input: z.strictObject({
    to: z.array(z.email()).min(1),
    cc: z.array(z.email()).default([]),
    subject: z.string().min(1).max(300),
    body: z.string().min(1).max(100_000),
    incidentId: z.uuid().optional(),
  }),
  output: z.object({ messageId: z.string() }),
  sideEffects: true,
  idempotencyKey: (input, ctx) => `email:${ctx.baseKey}:${[...input.to].sort().join(',')}`,
  dryRunOutput: () => ({ messageId: 'dry-run' }),
});
