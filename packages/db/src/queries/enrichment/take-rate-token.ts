import { sql } from 'drizzle-orm';
import { rowsOf } from '../../rows';
import { providerRateLimits } from '../../schema/index';
import type { Queryable } from './queryable';

export type RateLimitConfig = { provider: string; capacity: number; refillPerSecond: number };
export type TakeResult = { granted: true } | { granted: false; waitMs: number };

/**
 * Takes one token from the provider's bucket, shared by every process on this database. The refill
 * and the take are one UPDATE guarded by `tokens >= 1`: the row lock serializes concurrent takers,
 * so N processes together never exceed the bucket. The configuration travels with every take, so a
 * changed limit applies at once. On a refusal, `waitMs` says when one token will have refilled
 * (unbounded when the bucket never refills).
 */
export async function takeRateToken(db: Queryable, config: RateLimitConfig): Promise<TakeResult> {
  const { provider, capacity, refillPerSecond } = config;
  if (!(capacity >= 1) || !(refillPerSecond >= 0))
    throw new RangeError('a bucket needs capacity >= 1 and refill >= 0');
  const refilled = sql`least(${capacity}::float8, tokens + extract(epoch from clock_timestamp() - updated_at) * ${refillPerSecond}::float8)`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const [taken] = rowsOf<{ tokens: number }>(
      await db.execute(sql`
        update ${providerRateLimits}
           set tokens = ${refilled} - 1, capacity = ${capacity}, refill_per_second = ${refillPerSecond},
               updated_at = clock_timestamp()
         where provider = ${provider} and ${refilled} >= 1
        returning tokens`),
    );
    if (taken) return { granted: true };
    const [row] = rowsOf<{ tokens: number }>(
      await db.execute(
        sql`select ${refilled} as tokens from ${providerRateLimits} where provider = ${provider}`,
      ),
    );
    if (row) {
      const missing = 1 - Number(row.tokens);
      return {
        granted: false,
        waitMs:
          refillPerSecond > 0 ? Math.ceil((missing / refillPerSecond) * 1000) : Number.POSITIVE_INFINITY,
      };
    }
    // First use of this provider: create the bucket with this take already spent. A concurrent
    // creator wins the race and the loop takes from its row instead.
    const [created] = rowsOf<{ provider: string }>(
      await db.execute(sql`
        insert into ${providerRateLimits} (provider, capacity, refill_per_second, tokens)
        values (${provider}, ${capacity}, ${refillPerSecond}, ${capacity - 1})
        on conflict (provider) do nothing
        returning provider`),
    );
    if (created) return { granted: true };
  }
  // Only when the row vanished between statements twice: let the caller come back.
  return { granted: false, waitMs: 0 };
}
