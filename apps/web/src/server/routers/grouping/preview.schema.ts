import { GroupingRule } from '@palisade/db/queries/ingest/group-key';
import { z } from 'zod';

export const PreviewGroupingInput = z.object({
  /** The rule being edited, before it is saved. */
  rule: GroupingRule,
  /** Preview an override of this data source (its alerts only); absent: the tenant-wide rule. */
  dataSourceId: z.uuid().optional(),
  /** How many recent alerts to replay. */
  alerts: z.int().min(10).max(1000).default(200),
});
export type PreviewGroupingInput = z.input<typeof PreviewGroupingInput>;
