import { GroupingRule } from '@palisade/db/queries/ingest/group-key';
import { z } from 'zod';

export const SaveGroupingInput = z.object({
  /** Absent: the tenant-wide rule. Present: that data source's override. */
  dataSourceId: z.uuid().optional(),
  /** Null removes a data source's override (it falls back to the tenant-wide rule). */
  rule: GroupingRule.nullable(),
});
export type SaveGroupingInput = z.infer<typeof SaveGroupingInput>;
