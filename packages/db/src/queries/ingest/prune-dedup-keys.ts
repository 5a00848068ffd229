import { sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';

/**
 * Deletes expired payload-hash dedup claims of every tenant, `batchSize` per statement (SECURITY
 * DEFINER `alert_dedup_keys_prune_expired`), until a batch comes back short or `maxBatches` ran.
 * Short transactions: intake keeps claiming keys meanwhile, and a claim it holds is skipped.
 */
export async function pruneExpiredDedupKeys(
  db: Db,
  input: { batchSize: number; maxBatches: number },
): Promise<{ deleted: number; batches: number }> {
  let deleted = 0;
  let batches = 0;
  while (batches < input.maxBatches) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select public.alert_dedup_keys_prune_expired(${input.batchSize}::integer) as n`),
    );
    const n = Number(row?.n ?? 0);
    batches += 1;
    deleted += n;
    if (n < input.batchSize) break;
  }
  return { deleted, batches };
}
