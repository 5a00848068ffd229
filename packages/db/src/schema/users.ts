import { sql } from 'drizzle-orm';
import { boolean, check, pgEnum, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appRole, currentScope } from './tenant-policy';

export const userKind = pgEnum('user_kind', ['staff', 'client']);

/**
 * People who sign in. Global (no tenant_id): a staff user spans tenants. The app role sees a user only
 * when the user holds a membership in a tenant of the scope, and never `password_hash` (column grants;
 * sign-in reads it through the SECURITY DEFINER `auth_find_user_for_login`). Select `userPublicColumns`.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    kind: userKind('kind').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    pgPolicy('users_visible_in_scope', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`exists (select 1 from public.memberships m where m.user_id = ${t.id} and m.tenant_id = any (${currentScope}))`,
    }),
    pgPolicy('users_update_in_scope', {
      as: 'permissive',
      for: 'update',
      to: appRole,
      using: sql`exists (select 1 from public.memberships m where m.user_id = ${t.id} and m.tenant_id = any (${currentScope}))`,
      withCheck: sql`exists (select 1 from public.memberships m where m.user_id = ${t.id} and m.tenant_id = any (${currentScope}))`,
    }),
    // A new user has no membership yet; any non-empty scope may create one (then add the membership).
    pgPolicy('users_insert_with_scope', {
      as: 'permissive',
      for: 'insert',
      to: appRole,
      withCheck: sql`cardinality(${currentScope}) > 0`,
    }),
  ],
);

/** The columns the app role may read: everything but the password hash. */
export const userPublicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  kind: users.kind,
  active: users.active,
  createdAt: users.createdAt,
};

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserKind = (typeof userKind.enumValues)[number];
