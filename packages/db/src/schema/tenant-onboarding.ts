import { foreignKey, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/**
 * Where a tenant's onboarding wizard stands: per step, when it was saved and by whom. The checklist
 * itself is computed from the tenant's real settings; this only remembers explicit saves and skips.
 */
export const tenantOnboarding = pgTable(
  'tenant_onboarding',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    /** `{ [stepId]: { savedAt: ISO string, skipped: boolean } }` */
    steps: jsonb('steps')
      .$type<Record<string, { savedAt: string; skipped: boolean }>>()
      .notNull()
      .default({}),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the admin marks the tenant live (every required step done). */
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.updatedBy], foreignColumns: [users.id] }).onDelete('set null'),
    tenantPolicy('tenant_onboarding'),
  ],
);

export type TenantOnboarding = typeof tenantOnboarding.$inferSelect;
