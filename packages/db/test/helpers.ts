import { type SQL, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db, Tx } from '../src/database';
import { rowsOf } from '../src/rows';
import { withTenantOn } from '../src/with-tenant';

/** Rows of a raw statement on a db or tx. */
export const rows = async <T>(on: Db | Tx, statement: SQL): Promise<T[]> =>
  rowsOf<T>(await on.execute(statement));

export type PgFailure = { code: string | undefined; message: string };

/** The PostgreSQL error a statement fails with (drizzle wraps it in `cause`); throws if it succeeds. */
export async function pgFailure(promise: Promise<unknown>): Promise<PgFailure> {
  try {
    await promise;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const { code, message } = cause as { code?: string; message: string };
    return { code, message };
  }
  throw new Error('expected the statement to fail, it succeeded');
}

export const RLS_VIOLATION = /row-level security/;
export const PERMISSION_DENIED = /permission denied/;

/**
 * The per-table read check every isolation suite starts with: `own`'s scope (on the app login) sees
 * its own rows of `table` and none of `other`'s, while `other` does have rows there (checked as owner).
 */
export async function expectScopeSeesOnlyOwnRows(
  db: { owner: Db; app: Db },
  table: string,
  own: string,
  other: string,
): Promise<void> {
  const seen = await withTenantOn(db.app, own, (tx) =>
    rows<{ tenant_id: string }>(tx, sql`select tenant_id from ${sql.identifier(table)}`),
  );
  expect(seen.length).toBeGreaterThan(0); // positive control
  expect(new Set(seen.map((r) => r.tenant_id))).toEqual(new Set([own]));
  const [others] = await rows<{ n: number }>(
    db.owner,
    sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${other}`,
  );
  expect(others?.n).toBeGreaterThan(0);
}
