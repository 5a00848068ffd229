import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { reputationCache } from '../../schema/index';
import type { Queryable } from './queryable';

export type CacheKey = { provider: string; artifactType: string; value: string };
export type CachedVerdict = CacheKey & { verdict: unknown; fetchedAt: Date; expiresAt: Date };

/** The live (unexpired) cached answer, or undefined. The caller validates `verdict`. */
export async function readCachedVerdict(db: Queryable, key: CacheKey): Promise<CachedVerdict | undefined> {
  const [row] = await db
    .select()
    .from(reputationCache)
    .where(
      and(
        eq(reputationCache.provider, key.provider),
        eq(reputationCache.artifactType, key.artifactType),
        eq(reputationCache.value, key.value),
        gt(reputationCache.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row;
}

/** Live cached answers of several providers for one artifact, in one query. */
export async function readCachedVerdicts(
  db: Queryable,
  input: { providers: readonly string[]; artifactType: string; value: string },
): Promise<CachedVerdict[]> {
  if (input.providers.length === 0) return [];
  return db
    .select()
    .from(reputationCache)
    .where(
      and(
        inArray(reputationCache.provider, [...input.providers]),
        eq(reputationCache.artifactType, input.artifactType),
        eq(reputationCache.value, input.value),
        gt(reputationCache.expiresAt, sql`now()`),
      ),
    );
}

/** Upsert: the newest answer wins. Nothing about who asked is stored. */
export async function writeCachedVerdict(
  db: Queryable,
  key: CacheKey & { verdict: unknown; ttlSeconds: number },
): Promise<void> {
  const expiresAt = sql`now() + make_interval(secs => ${key.ttlSeconds})`;
  await db
    .insert(reputationCache)
    .values({
      provider: key.provider,
      artifactType: key.artifactType,
      value: key.value,
      verdict: key.verdict,
      expiresAt,
    })
    .onConflictDoUpdate({
      target: [reputationCache.provider, reputationCache.artifactType, reputationCache.value],
      set: { verdict: key.verdict, fetchedAt: sql`now()`, expiresAt },
    });
}

/** Deletes expired rows; returns how many. */
export async function purgeExpiredVerdicts(db: Queryable): Promise<number> {
  const deleted = await db
    .delete(reputationCache)
    .where(lte(reputationCache.expiresAt, sql`now()`))
    .returning({ provider: reputationCache.provider });
  return deleted.length;
}
