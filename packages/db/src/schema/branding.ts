import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { anyScopePolicy } from './global-policy';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/** Raw bytes (a logo, a PDF chunk) as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The image types a logo may have; checked on the bytes (magic numbers), not on the file name. */
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];

/**
 * A tenant's report and portal branding beyond the colours and display name on `tenants`: the uploaded
 * logo (validated bytes, served only as an image) and the legal footer printed on every report page.
 */
export const tenantBranding = pgTable(
  'tenant_branding',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    logo: bytea('logo'),
    logoMime: text('logo_mime'),
    legalFooter: text('legal_footer').notNull().default(''),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    check(
      'tenant_branding_logo_mime',
      sql`${t.logoMime} is null or ${t.logoMime} in ('image/png', 'image/jpeg', 'image/svg+xml')`,
    ),
    check('tenant_branding_logo_pair', sql`(${t.logo} is null) = (${t.logoMime} is null)`),
    check('tenant_branding_footer_length', sql`length(${t.legalFooter}) <= 1000`),
    tenantPolicy('tenant_branding'),
  ],
);

/** The MSSP's own name and logo (one row): on report covers and staff-facing emails of every tenant. */
export const msspBranding = pgTable(
  'mssp_branding',
  {
    /** Always true: the table holds one row. */
    id: boolean('id').primaryKey().default(true),
    msspName: text('mssp_name').notNull().default('Palisade'),
    logo: bytea('logo'),
    logoMime: text('logo_mime'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mssp_branding_single_row', sql`${t.id}`),
    check(
      'mssp_branding_logo_mime',
      sql`${t.logoMime} is null or ${t.logoMime} in ('image/png', 'image/jpeg', 'image/svg+xml')`,
    ),
    check('mssp_branding_logo_pair', sql`(${t.logo} is null) = (${t.logoMime} is null)`),
    check('mssp_branding_name_length', sql`length(${t.msspName}) between 1 and 200`),
    anyScopePolicy('mssp_branding'),
  ],
);

export type TenantBrandingRow = typeof tenantBranding.$inferSelect;
export type MsspBrandingRow = typeof msspBranding.$inferSelect;
