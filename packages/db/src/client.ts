import path from 'node:path';
import { type Database, openPglite, openPostgres } from './database';
import { readDbEnv } from './env';
import { migrate } from './migrate';

export type { Database, Db, Schema, Tx } from './database';

// On globalThis so a dev reload (new module instance) reuses the open database instead of
// opening the PGlite folder a second time.
const KEY = Symbol.for('palisade.db.database');
type Holder = { [KEY]?: Promise<Database> };
const holder = globalThis as Holder;

/** Opens (and migrates) the database from the environment once per process. */
export function getDatabase(): Promise<Database> {
  holder[KEY] ??= openFromEnv().catch((err: unknown) => {
    holder[KEY] = undefined; // let the next call retry instead of caching the failure
    throw err;
  });
  return holder[KEY];
}

/** Installs a database as the process singleton (tests; an app that opened its own). */
export function setDatabase(database: Database | undefined): void {
  holder[KEY] = database ? Promise.resolve(database) : undefined;
}

/** Closes and forgets the singleton. */
export async function closeDatabase(): Promise<void> {
  const current = holder[KEY];
  holder[KEY] = undefined;
  if (current) await (await current).close();
}

async function openFromEnv(): Promise<Database> {
  const env = readDbEnv();
  if (env.DATABASE_URL && env.DATABASE_OWNER_URL) {
    const owner = openPostgres({ url: env.DATABASE_OWNER_URL, max: 2 });
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
    return openPostgres({ url: env.DATABASE_URL });
  }
  const database = env.DATABASE_URL
    ? openPostgres({ url: env.DATABASE_URL })
    : await openPglite({ dataDir: path.resolve(process.cwd(), env.PALISADE_DATA_DIR) });
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
