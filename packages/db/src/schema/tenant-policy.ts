import { type SQL, sql } from 'drizzle-orm';
import { pgPolicy, pgRole } from 'drizzle-orm/pg-core';

/**
 * The runtime role. Created by a custom migration ("if not exists": roles are cluster-wide),
 * so drizzle-kit must only reference it.
 */
export const appRole = pgRole('palisade_app').existing();

/**
 * The tenant ids of the current transaction's scope. `current_scope()` returns them only while the
 * signature written by `enter_scope()` matches, so editing the settings by hand yields `{}`.
 * The sub-select turns it into an InitPlan: evaluated once per query, not once per row; the cast keeps
 * `= any (...)` from reading it as `= any (subquery)`.
 */
export const currentScope: SQL = sql`(select public.current_scope())::uuid[]`;

/** `column = any(scope)`: the predicate every policy uses. */
export const inScope = (column: string): SQL => sql`${sql.identifier(column)} = any (${currentScope})`;

/** Default for `tenant_id`: the only tenant of a one-tenant scope, null (so NOT NULL fails) otherwise. */
export const scopeTenant: SQL = sql`public.scope_tenant()`;

/** The isolation policy every tenant-owned table carries (the registry test checks it exists). */
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: inScope('tenant_id'),
    withCheck: inScope('tenant_id'),
  });
