import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/** Who changed what, per tenant. Append-only for the app role (INSERT and SELECT grants only). */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    /** Null for system actions (jobs, daemons). */
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    target: text('target').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.actorUserId], foreignColumns: [users.id] }).onDelete('set null'),
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at.desc()),
    tenantPolicy('audit_log'),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
