import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { anyScopePolicy } from './global-policy';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/** allow / block: verdict overrides; asset / vip: priority; alias: the company's own names. */
export const listKind = pgEnum('list_kind', ['allow', 'block', 'asset', 'vip', 'alias']);
/** value: exact (case-insensitive); pattern: glob with * and ?; cidr: IPv4/IPv6 network. */
export const listMatchKind = pgEnum('list_match_kind', ['value', 'pattern', 'cidr']);
export const assetCriticality = pgEnum('asset_criticality', ['low', 'medium', 'high', 'critical']);

// The same entry shape for a tenant's list and the MSSP-wide one every tenant inherits.
const entryColumns = () => ({
  id: uuid('id').notNull().defaultRandom(),
  list: listKind('list').notNull(),
  matchKind: listMatchKind('match_kind').notNull(),
  value: text('value').notNull(),
  /** Restricts the entry to one artifact type (`IocType`); null matches any type. */
  artifactType: text('artifact_type'),
  /** Assets only. */
  criticality: assetCriticality('criticality'),
  reason: text('reason').notNull().default(''),
  owner: text('owner').notNull().default(''),
  /** Where the entry came from: `console`, `csv:<file>`, `playbook:<run>`. */
  source: text('source').notNull().default('console'),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const listEntries = pgTable(
  'list_entries',
  { tenantId: uuid('tenant_id').notNull().default(scopeTenant), ...entryColumns() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    uniqueIndex('list_entries_natural_key').on(t.tenantId, t.list, t.matchKind, t.value),
    index('list_entries_tenant_list_idx').on(t.tenantId, t.list),
    check('list_entries_criticality_assets_only', sql`${t.criticality} is null or ${t.list} = 'asset'`),
    tenantPolicy('list_entries'),
  ],
);

/** MSSP-wide entries, inherited by every tenant (e.g. the MSSP's own scanners on the allow list). */
export const msspListEntries = pgTable('mssp_list_entries', entryColumns(), (t) => [
  primaryKey({ columns: [t.id] }),
  uniqueIndex('mssp_list_entries_natural_key').on(t.list, t.matchKind, t.value),
  check('mssp_list_entries_criticality_assets_only', sql`${t.criticality} is null or ${t.list} = 'asset'`),
  anyScopePolicy('mssp_list_entries'),
]);

export type ListEntry = typeof listEntries.$inferSelect;
export type MsspListEntry = typeof msspListEntries.$inferSelect;
export type ListKind = (typeof listKind.enumValues)[number];
export type ListMatchKind = (typeof listMatchKind.enumValues)[number];
export type AssetCriticality = (typeof assetCriticality.enumValues)[number];
