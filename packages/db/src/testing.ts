import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { setDatabase } from './client';
import { type Database, openPglite, openPostgres } from './database';
import { readTestEnv } from './env';
import { migrate, migrationsFolder } from './migrate';

export { FIXTURE_PASSWORD, type SeededTenant, seedTenants } from './seed-tenants';

export type TestDatabaseKind = 'postgres' | 'pglite';

export type TestDatabase = {
  kind: TestDatabaseKind;
  /** Database name on PostgreSQL; 'memory' on PGlite. */
  name: string;
  /** The owner connection: migrations, seeds, fixtures (bypasses RLS like the migration role). */
  database: Database;
  /**
   * PostgreSQL only: a pool logged in as `palisade_login` (not superuser, not owner; member of
   * palisade_app and palisade_auth), as production should run. PGlite can only log in as superuser.
   */
  login: Database | undefined;
  /** Closes connections and drops the database. */
  drop(): Promise<void>;
  /** Closes connections, keeping the database for inspection. */
  close(): Promise<void>;
};

/** `DB=pglite` selects PGlite; PostgreSQL otherwise. */
export const testDatabaseKind = (): TestDatabaseKind => readTestEnv().DB;

/** A superuser connection to the maintenance database. */
export function adminUrl(): string {
  const env = readTestEnv();
  if (env.TEST_DATABASE_URL) return env.TEST_DATABASE_URL;
  const user = env.PGUSER ?? os.userInfo().username;
  return `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/postgres`;
}

const withDatabase = (url: string, name: string, user?: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
};

/** Hash of the checked-in migrations: a new migration yields a new template. */
function migrationsHash(): string {
  const folder = migrationsFolder();
  const h = createHash('sha256');
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(file).update(readFileSync(path.join(folder, file)));
  }
  return h.digest('hex').slice(0, 12);
}

export const LOGIN_ROLE = 'palisade_login';
// Serializes template builds across parallel test files (and packages) on one server.
const TEMPLATE_LOCK = 7_345_201_978;

/** Fresh migrated database: a clone of a per-migrations template (PG) or an in-memory copy (PGlite). */
export async function createTestDatabase(options: { kind?: TestDatabaseKind } = {}): Promise<TestDatabase> {
  const kind = options.kind ?? testDatabaseKind();
  return kind === 'pglite' ? createPgliteTestDatabase() : createPostgresTestDatabase();
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const template = `palisade_tmpl_${migrationsHash()}`;
  const name = `palisade_test_${Date.now().toString(36)}_${crypto.randomUUID().slice(0, 8)}`;
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK})`;
    try {
      await ensureLoginRole(admin);
      const [found] = await admin`select 1 as ok from pg_database where datname = ${template}`;
      if (!found) await buildTemplate(admin, template);
    } finally {
      await admin`select pg_advisory_unlock(${TEMPLATE_LOCK})`;
    }
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const database = openPostgres({ url: withDatabase(adminUrl(), name) });
  const login = openPostgres({ url: withDatabase(adminUrl(), name, LOGIN_ROLE) });
  const close = async () => {
    await Promise.all([database.close(), login.close()]);
  };
  return {
    kind: 'postgres',
    name,
    database,
    login,
    close,
    drop: async () => {
      await close();
      const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}

/** Built under a temporary name and renamed: a template that exists is complete. */
async function buildTemplate(admin: postgres.Sql, template: string): Promise<void> {
  const building = `${template}_building`;
  await admin.unsafe(`drop database if exists "${building}" with (force)`);
  await admin.unsafe(`create database "${building}"`);
  const database = openPostgres({ url: withDatabase(adminUrl(), building), max: 2 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  await admin.unsafe(`alter database "${building}" rename to "${template}"`);
  // Templates of older migrations are dead weight.
  const stale = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like 'palisade\\_tmpl\\_%' and datname <> ${template}`;
  for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
}

/** The non-superuser login the isolation tests run as (trust auth locally; set a password elsewhere). */
async function ensureLoginRole(admin: postgres.Sql): Promise<void> {
  const [found] = await admin`select 1 as ok from pg_roles where rolname = ${LOGIN_ROLE}`;
  if (!found) {
    await admin.unsafe(`create role ${LOGIN_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole`);
  }
  const [app] = await admin`select 1 as ok from pg_roles where rolname = 'palisade_app'`;
  if (app) await admin.unsafe(`grant palisade_app, palisade_auth to ${LOGIN_ROLE}`);
}

/** Migrated PGlite data directories, cached per migrations hash (migrating takes seconds). */
async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const cache = path.join(os.tmpdir(), `palisade-pglite-${migrationsHash()}.tar.gz`);
  let database: Database;
  if (existsSync(cache)) {
    database = await openPglite({ loadDataDir: new Blob([readFileSync(cache)]) });
  } else {
    database = await openPglite();
    await migrate(database);
    if (database.kind === 'pglite') {
      const dump = await database.pglite.dumpDataDir('gzip');
      const tmp = `${cache}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, cache);
      // Caches of older migrations are dead weight.
      for (const file of readdirSync(os.tmpdir())) {
        const stale =
          /^palisade-pglite-[0-9a-f]+\.tar\.gz$/.test(file) && path.join(os.tmpdir(), file) !== cache;
        if (stale) rmSync(path.join(os.tmpdir(), file), { force: true });
      }
    }
  }
  return {
    kind: 'pglite',
    name: 'memory',
    database,
    login: undefined,
    close: database.close,
    drop: database.close,
  };
}

export type TestDatabaseHandle = {
  readonly kind: TestDatabaseKind;
  readonly name: string;
  /** Owner connection (installed as the `getDatabase()` singleton unless `singleton: 'login'`). */
  readonly database: Database;
  readonly db: Database['db'];
  /** `palisade_login` pool on PostgreSQL; the owner database on PGlite. */
  readonly app: Database;
};

/**
 * Call at the top of a `*.int.test.ts` file: a fresh database for the file, installed as the
 * process singleton (each vitest fork is one file), dropped afterwards unless a test failed.
 */
export type UseTestDatabaseOptions = {
  kind?: TestDatabaseKind;
  /**
   * What `getDatabase()` returns to code under test: the owner (default; like local dev) or, on
   * PostgreSQL, the `palisade_login` pool (like production: withTenant and auth lookups only).
   */
  singleton?: 'owner' | 'login';
};

export function useTestDatabase(options: UseTestDatabaseOptions = {}): TestDatabaseHandle {
  let current: TestDatabase | undefined;
  let failed = false;
  const get = (): TestDatabase => {
    if (!current) throw new Error('useTestDatabase: the database exists only inside tests and hooks');
    return current;
  };
  beforeAll(async () => {
    current = await createTestDatabase(options.kind ? { kind: options.kind } : {});
    setDatabase(options.singleton === 'login' ? (current.login ?? current.database) : current.database);
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      failed = true;
    });
  });
  afterAll(async () => {
    setDatabase(undefined);
    if (!current) return;
    if (failed && current.kind === 'postgres') {
      console.warn(`keeping test database ${current.name} for inspection (a test failed)`);
      await current.close();
    } else {
      await current.drop();
    }
  });
  return {
    get kind() {
      return get().kind;
    },
    get name() {
      return get().name;
    },
    get database() {
      return get().database;
    },
    get db() {
      return get().database.db;
    },
    get app() {
      const t = get();
      return t.login ?? t.database;
    },
  };
}
