import { z } from 'zod';
import { defineAction } from '../action-registry';

/** Adds (or refreshes) an entry in one of the tenant's global lists, e.g. block an IOC after approval. */
export const listAdd = defineAction({
  id: 'list.add',
  description: "Add an entry to one of the tenant's global lists (allow, block, asset, vip, alias)",
  input: z.strictObject({
    list: z.enum(['allow', 'block', 'asset', 'vip', 'alias']),
    value: z.string().min(1).max(2048),
    matchKind: z.enum(['value', 'pattern', 'cidr']).default('value'),
    criticality: z.enum(['low', 'medium', 'high', 'critical']).optional(),
    reason: z.string().max(500).default(''),
    /** Entries added by automation usually should not live forever. */
    expiresInDays: z.int().min(1).max(3650).optional(),
  }),
  output: z.object({ id: z.string() }),
  sideEffects: true,
  dryRunOutput: () => ({ id: '' }),
});
