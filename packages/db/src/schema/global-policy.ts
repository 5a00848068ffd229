import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';
import { appRole, currentScope } from './tenant-policy';

/**
 * MSSP-wide rows that every tenant inherits (lists, default credentials): reachable by the app role
 * only from inside a non-empty scope, so code outside `withTenant` sees nothing. Who may WRITE them
 * (MSSP admins) is decided by the procedure, as no tenant owns them.
 */
export const anyScopePolicy = (table: string) =>
  pgPolicy(`${table}_any_scope`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`cardinality(${currentScope}) > 0`,
    withCheck: sql`cardinality(${currentScope}) > 0`,
  });

/**
 * Public, tenant-free rows (reputation of an IP, a provider's rate-limit bucket): the worker reads and
 * writes them outside any scope, between its network calls.
 */
export const publicDataPolicy = (table: string) =>
  pgPolicy(`${table}_public_data`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: sql`true`,
    withCheck: sql`true`,
  });
