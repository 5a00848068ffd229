import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Optional TOTP second factor of staff users. Global (a staff user spans tenants) and unreadable by
 * the app role (RLS on, no policy, no grant): enrolment and sign-in go through SECURITY DEFINER
 * functions (`auth_totp_*`). The secret is a secret-box (AES-GCM) bound to the user id.
 */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretBox: text('secret_box').notNull(),
  /** Null while enrolment waits for the first valid code; sign-in asks for a code once set. */
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}).enableRLS();

export type UserTotp = typeof userTotp.$inferSelect;
