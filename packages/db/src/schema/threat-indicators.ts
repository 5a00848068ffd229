import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/**
 * Indicators from threat-intel feeds (MISP, TAXII: the daemons fill it), answered by the local
 * provider with no internet. Per tenant on purpose: feeds run as per-tenant daemons with the
 * tenant's own credentials, often a client's private MISP whose TLP sharing rules forbid passing
 * its indicators to other clients, and the presence of an indicator can reveal what a client saw.
 * MSSP-wide feeds are loaded into each tenant by the daemon that subscribes them.
 */
export const threatIndicators = pgTable(
  'threat_indicators',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    /** An `IocType` of @palisade/ioc (ipv4, domain, sha256, ...). */
    type: text('type').notNull(),
    /** Normalized like artifacts (lowercase domains and hashes). */
    value: text('value').notNull(),
    verdict: text('verdict').notNull().default('malicious'),
    score: integer('score').notNull().default(80),
    /** Feed name, e.g. `misp:circl` or `taxii:collection-id`. */
    source: text('source').notNull(),
    description: text('description'),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull().defaultNow(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('threat_indicators_tenant_type_value_source_key').on(t.tenantId, t.type, t.value, t.source),
    index('threat_indicators_tenant_value_idx').on(t.tenantId, t.value),
    check('threat_indicators_verdict', sql`${t.verdict} in ('malicious', 'suspicious', 'benign')`),
    check('threat_indicators_score', sql`${t.score} between 0 and 100`),
    tenantPolicy('threat_indicators'),
  ],
);

export type ThreatIndicator = typeof threatIndicators.$inferSelect;
export type NewThreatIndicator = typeof threatIndicators.$inferInsert;
