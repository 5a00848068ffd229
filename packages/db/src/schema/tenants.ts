import { sql } from 'drizzle-orm';
import { check, pgEnum, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appRole, inScope } from './tenant-policy';

export const tenantStatus = pgEnum('tenant_status', ['active', 'suspended']);

/** One client company of the MSSP. Visible to the app only when its id is in the scope. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone').notNull().default('UTC'),
    status: tenantStatus('status').notNull().default('active'),
    brandName: text('brand_name'),
    /** Sanitized inline SVG or a data: URI; rendered in the client portal. */
    logoSvg: text('logo_svg'),
    primaryColor: text('primary_color').notNull().default('#1d4ed8'),
    accentColor: text('accent_color').notNull().default('#0ea5e9'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('tenants_primary_color_hex', sql`${t.primaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
    check('tenants_accent_color_hex', sql`${t.accentColor} ~ '^#[0-9a-fA-F]{6}$'`),
    // Onboarding inserts with the new id as the scope; the app role cannot see or touch others.
    pgPolicy('tenants_in_scope', {
      as: 'permissive',
      for: 'all',
      to: appRole,
      using: inScope('id'),
      withCheck: inScope('id'),
    }),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
