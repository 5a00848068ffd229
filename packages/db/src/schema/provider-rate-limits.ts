import { doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { publicDataPolicy } from './global-policy';

/**
 * One token bucket per OSINT provider, shared by every worker process: a take is a single UPDATE
 * (row lock), so two processes cannot both spend the last token.
 */
export const providerRateLimits = pgTable(
  'provider_rate_limits',
  {
    provider: text('provider').primaryKey(),
    capacity: doublePrecision('capacity').notNull(),
    refillPerSecond: doublePrecision('refill_per_second').notNull(),
    tokens: doublePrecision('tokens').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [publicDataPolicy('provider_rate_limits')],
);

export type ProviderRateLimit = typeof providerRateLimits.$inferSelect;
