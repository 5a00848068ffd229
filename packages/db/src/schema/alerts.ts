import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { dataSources } from './data-sources';
import { incidents, severityLevel } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';

/**
 * received: stored raw, waiting for the worker; processed: normalized and in an incident;
 * duplicate: its source alert id was already processed for this data source; failed: not normalizable.
 */
export const alertStatus = pgEnum('alert_status', ['received', 'processed', 'duplicate', 'failed']);

/** One alert as received (raw) plus what the worker derived from it (normalized fields, incident). */
export const alerts = pgTable(
  'alerts',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    dataSourceId: uuid('data_source_id').notNull(),
    status: alertStatus('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** The item exactly as sent: a JSON value, or a string for CEF/LEEF/syslog/text lines. */
    raw: jsonb('raw').notNull(),
    /** SHA-256 (hex) of the item's canonical JSON text. */
    payloadHash: text('payload_hash').notNull(),
    // Normalized (null until processed).
    mapper: text('mapper'),
    title: text('title'),
    description: text('description'),
    severity: severityLevel('severity'),
    eventTime: timestamp('event_time', { withTimezone: true }),
    sourceVendor: text('source_vendor'),
    sourceProduct: text('source_product'),
    sourceAlertId: text('source_alert_id'),
    ruleId: text('rule_id'),
    ruleName: text('rule_name'),
    hosts: text('hosts').array(),
    users: text('users').array(),
    /** The StandardAlert without `raw`, plus the normalizer's warnings. */
    normalized: jsonb('normalized'),
    incidentId: uuid('incident_id'),
    duplicateOfAlertId: uuid('duplicate_of_alert_id'),
    error: text('error'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.dataSourceId],
      foreignColumns: [dataSources.tenantId, dataSources.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.incidentId], foreignColumns: [incidents.tenantId, incidents.id] }),
    index('alerts_tenant_incident_idx').on(t.tenantId, t.incidentId),
    index('alerts_tenant_received_idx').on(t.tenantId, t.receivedAt.desc()),
    // The sweeper's and the bench's view of the backlog.
    index('alerts_received_backlog_idx').on(t.tenantId, t.receivedAt).where(sql`${t.status} = 'received'`),
    tenantPolicy('alerts'),
  ],
);

/**
 * Dedup claims per data source: `sid:<source alert id>` (never expires) and `hash:<payload sha256>`
 * (expires after 24 h). The primary key is what makes a re-send harmless under concurrency; an
 * expired claim is taken over by the next alert with that key.
 */
export const alertDedupKeys = pgTable(
  'alert_dedup_keys',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    dataSourceId: uuid('data_source_id').notNull(),
    key: text('key').notNull(),
    alertId: uuid('alert_id').notNull(),
    /** Null: forever. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.dataSourceId, t.key] }),
    foreignKey({
      columns: [t.tenantId, t.dataSourceId],
      foreignColumns: [dataSources.tenantId, dataSources.id],
    }).onDelete('cascade'),
    index('alert_dedup_keys_expiry_idx').on(t.tenantId, t.expiresAt).where(sql`${t.expiresAt} is not null`),
    tenantPolicy('alert_dedup_keys'),
  ],
);

export type Alert = typeof alerts.$inferSelect;
export type AlertStatus = (typeof alertStatus.enumValues)[number];
