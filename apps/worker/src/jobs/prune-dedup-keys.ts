import { PRUNE_DEDUP_KEYS, PruneDedupKeysPayload } from '@palisade/db/jobs/prune-dedup-keys';
import { pruneExpiredDedupKeys } from '@palisade/db/queries/ingest/prune-dedup-keys';
import { defineJob } from './define-job';

/**
 * Expired `hash:` dedup claims (24 h) only take space: a new alert already takes an expired claim
 * over. Each batch is its own short statement, so intake is never blocked for long.
 */
export const pruneDedupKeysJob = defineJob(
  PRUNE_DEDUP_KEYS,
  PruneDedupKeysPayload,
  async (p, { database, log }) => {
    const result = await pruneExpiredDedupKeys(database.db, p);
    if (result.deleted > 0) log.info(result, 'expired dedup claims pruned');
    return result;
  },
  { retryLimit: 2, expireInSeconds: 600, batchSize: 1, cron: { expression: '17 * * * *', payload: {} } },
);
