import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/** Every role an actor can have; `mssp_admin` lives in `mssp_admins`, the others in `memberships`. */
export const membershipRole = pgEnum('membership_role', [
  'mssp_admin',
  'analyst',
  'client_admin',
  'client_viewer',
]);

/**
 * A user's role in one tenant: an analyst's assignment, or a client user's company.
 * A client user belongs to exactly one tenant (partial unique index on user_id).
 */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    userId: uuid('user_id').notNull(),
    role: membershipRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    // MSSP-wide admins are not per tenant: their scope is every tenant, see mssp_admins.
    check('memberships_role_per_tenant', sql`${t.role} <> 'mssp_admin'`),
    uniqueIndex('memberships_one_tenant_per_client')
      .on(t.userId)
      .where(sql`${t.role} in ('client_admin', 'client_viewer')`),
    index('memberships_user_id_idx').on(t.userId),
    tenantPolicy('memberships'),
  ],
);

/**
 * Staff users whose scope is all tenants. Global and unreadable by the app role (RLS on, no policy,
 * no grant); `resolveActor` reads it through a SECURITY DEFINER function.
 */
export const msspAdmins = pgTable('mssp_admins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}).enableRLS();

export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type Role = (typeof membershipRole.enumValues)[number];
