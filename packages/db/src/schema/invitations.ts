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
import { membershipRole } from './memberships';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';
import { users } from './users';

/** `invite`: a new client user sets a password; `password_reset`: an existing user sets a new one. */
export const invitationPurpose = pgEnum('invitation_purpose', ['invite', 'password_reset']);

/**
 * One-time, expiring links. Only the SHA-256 of the token is stored; the link is shown or mailed once.
 * The token is looked up before any scope exists through `auth_find_invitation` (SECURITY DEFINER),
 * then used inside `withTenant(tenant_id)`; `used_at` is set with a conditional update, so a link
 * works once even when two requests race.
 */
export const invitations = pgTable(
  'invitations',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    purpose: invitationPurpose('purpose').notNull(),
    email: text('email').notNull(),
    /** The role the invited user gets; null for a password reset. */
    role: membershipRole('role'),
    /** The user whose password is reset; null for an invitation (the user does not exist yet). */
    userId: uuid('user_id'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.invitedBy], foreignColumns: [users.id] }).onDelete('set null'),
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    index('invitations_tenant_created_idx').on(t.tenantId, t.createdAt.desc()),
    check('invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check(
      'invitations_purpose_fields',
      sql`(${t.purpose} = 'invite' and ${t.role} in ('client_admin', 'client_viewer') and ${t.userId} is null)
        or (${t.purpose} = 'password_reset' and ${t.role} is null and ${t.userId} is not null)`,
    ),
    tenantPolicy('invitations'),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
export type InvitationPurpose = (typeof invitationPurpose.enumValues)[number];
