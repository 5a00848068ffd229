import { z } from 'zod';
import { defineAction } from '../action-registry';

/** The worker's handler must pass every URL (and each resolved address) through checkOutboundUrl first. */
export const httpRequest = defineAction({
  id: 'http.request',
  description: "HTTP request to a host on the tenant's allow-list",
  input: z.strictObject({
    url: z.url({ protocol: /^https?$/ }),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.unknown().optional(),
    timeoutMs: z.int().min(100).max(60_000).default(10_000),
  }),
  output: z.object({ status: z.int(), headers: z.record(z.string(), z.string()), body: z.unknown() }),
  sideEffects: true,
  dryRunOutput: () => ({ status: 0, headers: {}, body: null }),
});
