import { z } from 'zod';
import { defineAction } from '../action-registry';

export const listLookup = defineAction({
  id: 'list.lookup',
  description:
    "Look values up in one of the tenant's global lists (allow/block lists, asset values, contacts)",
  input: z.strictObject({ list: z.string().min(1), values: z.array(z.string()) }),
  output: z.object({
    hits: z.array(z.object({ value: z.string(), entry: z.record(z.string(), z.unknown()) })),
    misses: z.array(z.string()),
  }),
  sideEffects: false,
});
