import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { publicDataPolicy } from './global-policy';

/**
 * Public reputation answers shared by every tenant: one row per (provider, artifact type, value).
 * It deliberately has no tenant column and no "requested by": a lookup for tenant A warms the cache
 * for tenant B without telling B (or anyone reading the table) that A ever saw the value.
 * Only answers of internet providers land here; the local threat-intel provider is tenant data.
 */
export const reputationCache = pgTable(
  'reputation_cache',
  {
    provider: text('provider').notNull(),
    artifactType: text('artifact_type').notNull(),
    value: text('value').notNull(),
    /** The normalized verdict (`ProviderVerdict`), validated by the reader. */
    verdict: jsonb('verdict').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.artifactType, t.value] }),
    index('reputation_cache_expires_at_idx').on(t.expiresAt),
    publicDataPolicy('reputation_cache'),
  ],
);

export type ReputationCacheRow = typeof reputationCache.$inferSelect;
