import { z } from 'zod';

/** Hourly: deletes expired payload-hash dedup claims of every tenant, in batches. */
export const PRUNE_DEDUP_KEYS = 'prune-dedup-keys';
export const PruneDedupKeysPayload = z.object({
  batchSize: z.int().min(1).max(100_000).default(5_000),
  /** Bounds one run; what is left goes at the next. */
  maxBatches: z.int().min(1).max(10_000).default(200),
});
export type PruneDedupKeysPayload = z.infer<typeof PruneDedupKeysPayload>;
