import { BuiltinMapperName } from '@palisade/db/queries/data-sources/data-source-mapper';
import { z } from 'zod';

export const CreateDataSourceInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).optional(),
  /** `auto` detects the source per alert; a built-in name forces that mapper. */
  mapper: z.union([z.literal('auto'), BuiltinMapperName]).default('auto'),
  /** Dot path of the sender's own alert id (`event.id`): re-sends dedup on it forever. */
  dedupField: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_@$-]+(\.[A-Za-z0-9_@$-]+)*$/, 'a dot path such as event.id')
    .max(200)
    .optional(),
});
export type CreateDataSourceInput = z.input<typeof CreateDataSourceInput>;
