import type { Database } from '@palisade/db/client';
import { createTestDatabase } from '@palisade/db/testing';
import postgres from 'postgres';

export const TEST_DATABASE_KINDS = ['postgres', 'pglite'] as const;
export type TestDatabaseKind = (typeof TEST_DATABASE_KINDS)[number];

type ExecuteSql = (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;

export interface TestDatabase {
  /** A fresh migrated database (the db package's harness), as `getDatabase()` would return. */
  database: Database;
  /** A query outside pg-boss, to inspect job rows after a boss stopped. */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * A transaction as palisade_app with an executeSql bound to it, as the web app enqueues. On
   * PostgreSQL it logs in as the non-superuser palisade_login, like production.
   */
  asAppRole<T>(fn: (executeSql: ExecuteSql) => Promise<T>): Promise<T>;
  /** Closes and drops; a second call is a no-op. */
  close(): Promise<void>;
}

// pg-boss passes undefined for unset options; postgres.js rejects undefined where pg sends NULL.
const params = (values: unknown[]) => values.map((v) => v ?? null) as postgres.ParameterOrJSON<never>[];

export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const opened = await open(kind);
  let closing: Promise<void> | undefined;
  return { ...opened, close: () => (closing ??= opened.close()) };
}

async function open(kind: TestDatabaseKind): Promise<TestDatabase> {
  const t = await createTestDatabase({ kind });
  const { database, login } = t;
  if (database.kind === 'pglite') {
    const { pglite } = database;
    return {
      database,
      query: async <T>(text: string, values: unknown[] = []) => (await pglite.query<T>(text, values)).rows,
      asAppRole: (fn) =>
        pglite.transaction(async (tx) => {
          await tx.query('set local role palisade_app');
          return fn(async (text, values) => ({ rows: (await tx.query(text, values)).rows }));
        }),
      close: () => t.drop(),
    };
  }
  if (login?.kind !== 'postgres') throw new Error('the PostgreSQL test database has no login pool');
  const owner = postgres(database.url, { max: 2, onnotice: () => {} });
  const app = postgres(login.url, { max: 1, onnotice: () => {} });
  return {
    database,
    query: async <T>(text: string, values: unknown[] = []) =>
      (await owner.unsafe(text, params(values))) as unknown as T[],
    asAppRole: async (fn) =>
      (await app.begin(async (tx) => {
        await tx.unsafe('set local role palisade_app');
        return fn(async (text, values) => ({ rows: await tx.unsafe(text, params(values)) }));
      })) as never,
    close: async () => {
      await Promise.all([owner.end(), app.end()]);
      await t.drop();
    },
  };
}
