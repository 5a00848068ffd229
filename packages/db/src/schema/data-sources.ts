import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/**
 * How a data source's raw alerts become standard alerts: detected, one built-in mapper of
 * @palisade/ioc, or a tenant's JSONata mapping. Validated by `DataSourceMapper` (queries) on write.
 */
export type DataSourceMapperConfig =
  | { kind: 'auto' }
  | { kind: 'builtin'; name: string }
  | { kind: 'generic'; mapping: Record<string, unknown> };

export const CLOSE_ALERT_TARGETS = ['splunk_es', 'elastic', 'webhook'] as const;
export type CloseAlertTarget = (typeof CLOSE_ALERT_TARGETS)[number];

/** One sender of alerts for a tenant (a SIEM, an EDR, a mailbox bridge), with its mapper and limits. */
export const dataSources = pgTable(
  'data_sources',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    mapper: jsonb('mapper').$type<DataSourceMapperConfig>().notNull().default({ kind: 'auto' }),
    /**
     * Dot path of the sender's own alert id in a JSON alert (e.g. `event.id`); when set, intake
     * deduplicates on it forever, otherwise on the payload hash within 24 hours.
     */
    dedupField: text('dedup_field'),
    /** AES-256-GCM ciphertext (secret-box) of the HMAC-SHA256 signing secret; null = unsigned. */
    hmacSecretCiphertext: text('hmac_secret_ciphertext'),
    /** Token bucket per API key: sustained alerts per second and burst size. */
    ratePerSecond: integer('rate_per_second').notNull().default(1000),
    rateBurst: integer('rate_burst').notNull().default(5000),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * Where resolving an incident closes this source's alerts: `splunk_es` (notable update),
     * `elastic` (detection alert status) or `webhook` (a POST); null = the source has no close API.
     */
    closeAlertTarget: text('close_alert_target').$type<CloseAlertTarget>(),
    /** Splunk management URL, Kibana URL, or the webhook URL. */
    closeAlertUrl: text('close_alert_url'),
    /** Provider name of the tenant's encrypted integration credential used for the call (null: none). */
    closeAlertCredential: text('close_alert_credential'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.createdByUserId], foreignColumns: [users.id] }).onDelete('set null'),
    uniqueIndex('data_sources_tenant_name_key').on(t.tenantId, t.name),
    check('data_sources_rate_positive', sql`${t.ratePerSecond} > 0`),
    // A whole batch (at most 1,000 alerts) must fit into a full bucket.
    check('data_sources_burst_fits_batch', sql`${t.rateBurst} >= 1000`),
    check(
      'data_sources_close_alert',
      sql`(${t.closeAlertTarget} is null and ${t.closeAlertUrl} is null) or (${t.closeAlertTarget} in ('splunk_es', 'elastic', 'webhook') and ${t.closeAlertUrl} is not null)`,
    ),
    tenantPolicy('data_sources'),
  ],
);

/**
 * Bearer keys of a data source. Only the SHA-256 of the key is stored (the key is 256 random bits,
 * so a slow hash adds nothing); `prefix` identifies it in the console. `tokens`/`tokens_at` are the
 * rate-limit bucket, written only by `ingest_authenticate` (SECURITY DEFINER).
 */
export const dataSourceApiKeys = pgTable(
  'data_source_api_keys',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    dataSourceId: uuid('data_source_id').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    tokens: doublePrecision('tokens'),
    tokensAt: timestamp('tokens_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: uuid('revoked_by_user_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.dataSourceId],
      foreignColumns: [dataSources.tenantId, dataSources.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.createdByUserId], foreignColumns: [users.id] }).onDelete('set null'),
    foreignKey({ columns: [t.revokedByUserId], foreignColumns: [users.id] }).onDelete('set null'),
    // Global on purpose: a request names no tenant, the key finds it.
    uniqueIndex('data_source_api_keys_key_hash_key').on(t.keyHash),
    index('data_source_api_keys_source_idx').on(t.tenantId, t.dataSourceId),
    check('data_source_api_keys_hash_format', sql`${t.keyHash} ~ '^[0-9a-f]{64}$'`),
    tenantPolicy('data_source_api_keys'),
  ],
);

export type DataSource = typeof dataSources.$inferSelect;
export type DataSourceApiKey = typeof dataSourceApiKeys.$inferSelect;
