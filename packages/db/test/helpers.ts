import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from '../src/database';
import { rowsOf } from '../src/rows';

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
