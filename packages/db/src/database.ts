import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** Either driver's drizzle instance: the query API is the same on both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The transaction handed to `withTenant` callbacks and `(tx, input)` query functions. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database =
  | { kind: 'pglite'; db: Db; pglite: PGlite; close(): Promise<void> }
  | {
      kind: 'postgres';
      db: Db;
      url: string;
      /** The postgres.js pool underneath (e.g. pg-boss's executeSql on the same connections). */
      client: postgres.Sql;
      close(): Promise<void>;
    };

export type OpenPostgresOptions = { url: string; max?: number };

/** A postgres.js pool; notices (e.g. "already exists, skipping") are dropped. */
export function openPostgres({ url, max = 10 }: OpenPostgresOptions): Database {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'palisade' } });
  const db: Db = drizzlePostgres(client, { schema });
  return { kind: 'postgres', db, url, client, close: () => client.end({ timeout: 5 }) };
}

export type OpenPgliteOptions = { dataDir?: string; loadDataDir?: Blob };

/** Embedded PostgreSQL; in memory without a dataDir. */
export async function openPglite({ dataDir, loadDataDir }: OpenPgliteOptions = {}): Promise<Database> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db: Db = drizzlePglite(pglite, { schema });
  return { kind: 'pglite', db, pglite, close: () => pglite.close() };
}
