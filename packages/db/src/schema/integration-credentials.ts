import { boolean, foreignKey, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { anyScopePolicy } from './global-policy';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/**
 * A tenant's own credentials for one integration. `secret` is an AES-256-GCM box (crypto/secret-box),
 * never selected by a browser-facing procedure. A row with a null secret and `enabled` keeps the
 * tenant on the MSSP default; `enabled = false` opts the tenant out of the provider.
 */
export const integrationCredentials = pgTable(
  'integration_credentials',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    provider: text('provider').notNull(),
    secret: text('secret'),
    /** Self-hosted services (MISP) need their URL; null means the provider's public endpoint. */
    baseUrl: text('base_url'),
    enabled: boolean('enabled').notNull().default(true),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.provider] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    tenantPolicy('integration_credentials'),
  ],
);

/** The MSSP's own subscription per provider, used by tenants without credentials of their own. */
export const msspIntegrationCredentials = pgTable(
  'mssp_integration_credentials',
  {
    provider: text('provider').primaryKey(),
    secret: text('secret'),
    baseUrl: text('base_url'),
    /** False keeps the MSSP key for the MSSP's own use; tenants then need their own. */
    sharedWithTenants: boolean('shared_with_tenants').notNull().default(true),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [anyScopePolicy('mssp_integration_credentials')],
);

export type IntegrationCredential = typeof integrationCredentials.$inferSelect;
export type MsspIntegrationCredential = typeof msspIntegrationCredentials.$inferSelect;
