import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from './client';
import type { Db, Tx } from './database';
import { TenantScopeError } from './errors';

/** One tenant id or a set of them (an analyst's assignments, an MSSP admin's every tenant). */
export const TenantScopeInput = z.union([z.uuid(), z.array(z.uuid()).readonly()]);
export type TenantScopeInput = z.infer<typeof TenantScopeInput>;

/** Validated, de-duplicated, sorted tenant ids. */
export function parseScope(scope: TenantScopeInput): string[] {
  const parsed = TenantScopeInput.parse(scope);
  const ids = typeof parsed === 'string' ? [parsed] : parsed;
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}

/**
 * The only door to tenant tables: one transaction that enters the scope (signed, see migration 0000)
 * and then drops to `palisade_app`, so RLS filters every statement. A throw rolls back.
 * An empty scope sees nothing. No network calls inside: they would hold the transaction open.
 */
export async function withTenant<T>(scope: TenantScopeInput, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const ids = parseScope(scope);
  const { db } = await getDatabase();
  return runInScope(db, ids, fn);
}

/** `withTenant` on an explicit database (tests, tools holding their own connection). */
export async function withTenantOn<T>(
  db: Db,
  scope: TenantScopeInput,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return runInScope(db, parseScope(scope), fn);
}

// Marks the async context of a withTenant callback. A nested withTenant would be a second
// transaction with its own scope: on PGlite (one session) it waits forever for the outer one.
const insideScope = new AsyncLocalStorage<true>();

function runInScope<T>(db: Db, ids: string[], fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (insideScope.getStore()) {
    return Promise.reject(
      new TenantScopeError('withTenant cannot be nested: pass the outer tx down instead'),
    );
  }
  // A Postgres array literal as one parameter: drizzle would expand a JS array into a list.
  const literal = `{${ids.join(',')}}`;
  return insideScope.run(true, () =>
    db.transaction(async (tx) => {
      // One round trip for both steps. Order matters (enter_scope is not executable by palisade_app):
      // the materialized CTE runs first; set_config('role', ..., true) is SET LOCAL ROLE.
      await tx.execute(sql`
      with entered as materialized (select public.enter_scope(${literal}::uuid[]))
      select set_config('role', 'palisade_app', true) from entered`);
      return fn(tx);
    }),
  );
}
