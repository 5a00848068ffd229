import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database, Schema } from './database';
import { readDbEnv } from './env';

/**
 * packages/db/migrations; overridable because a bundler (Next) moves this module. Built with path
 * functions, not `new URL(.., import.meta.url)`, which bundlers take for an asset import.
 */
export function migrationsFolder(): string {
  const folder =
    readDbEnv().PALISADE_MIGRATIONS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
  if (!existsSync(folder)) {
    throw new Error(`migrations folder not found at ${folder}: set PALISADE_MIGRATIONS_DIR`);
  }
  return folder;
}

// Any constant: web and worker starting together must not run the migrations twice at once.
const MIGRATION_LOCK = 7_345_201_977;

/** Applies the checked-in migrations (idempotent). Must run as a superuser or BYPASSRLS role. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (database.kind === 'pglite') {
    // The instance is a PgliteDatabase; Db is its driver-neutral supertype.
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, config);
    return;
  }
  await database.db.transaction(async (tx) => {
    // A transaction-level lock on one pooled connection while the migrator uses others.
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePostgres(database.db as unknown as PostgresJsDatabase<Schema>, config);
  });
}
