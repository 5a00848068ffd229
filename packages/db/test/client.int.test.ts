import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, getDatabase } from '../src/client';
import { openPostgres } from '../src/database';
import { migrate } from '../src/migrate';
import { tenants } from '../src/schema/index';
import { adminUrl, createTestDatabase, testDatabaseKind } from '../src/testing';
import { withTenant } from '../src/with-tenant';
import { pgFailure, rows } from './helpers';

// getDatabase() from the environment, as the apps call it.
const saved = { ...process.env };
afterEach(async () => {
  await closeDatabase();
  process.env = { ...saved };
});

describe.runIf(testDatabaseKind() === 'pglite')('getDatabase on PGlite (no DATABASE_URL)', () => {
  it('opens one instance per process, migrates it, and persists the data folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-client-'));
    try {
      delete process.env.DATABASE_URL;
      process.env.PALISADE_DATA_DIR = path.join(dir, 'pglite');
      const [first, second] = await Promise.all([getDatabase(), getDatabase()]);
      expect(first).toBe(second);
      expect(first.kind).toBe('pglite');
      await migrate(first); // idempotent
      const id = crypto.randomUUID();
      await withTenant(id, (tx) => tx.insert(tenants).values({ id, slug: 'persisted', name: 'Persisted' }));
      await closeDatabase();

      const reopened = await getDatabase();
      expect(reopened).not.toBe(first);
      expect(await withTenant(id, (tx) => tx.select({ slug: tenants.slug }).from(tenants))).toEqual([
        { slug: 'persisted' },
      ]);
    } finally {
      await closeDatabase();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('getDatabase on PostgreSQL (DATABASE_URL)', () => {
  it('migrates through DATABASE_OWNER_URL and serves the restricted login', async () => {
    const test = await createTestDatabase({ kind: 'postgres' });
    try {
      if (test.database.kind !== 'postgres' || test.login?.kind !== 'postgres')
        throw new Error('postgres expected');
      process.env.DATABASE_URL = test.login.url;
      process.env.DATABASE_OWNER_URL = test.database.url;
      const [first, second] = await Promise.all([getDatabase(), getDatabase()]);
      expect(first).toBe(second);
      const [who] = await rows<{ user: string }>(first.db, sql`select session_user as user`);
      expect(who).toEqual({ user: 'palisade_login' });
      const id = crypto.randomUUID();
      await withTenant(id, (tx) => tx.insert(tenants).values({ id, slug: `p-${id.slice(0, 8)}`, name: 'P' }));
      expect(await withTenant(id, (tx) => tx.select({ id: tenants.id }).from(tenants))).toEqual([{ id }]);
      expect(await withTenant([], (tx) => tx.select({ id: tenants.id }).from(tenants))).toEqual([]);
    } finally {
      await closeDatabase();
      await test.drop();
    }
  });

  it('the restricted login cannot run migrations', async () => {
    const test = await createTestDatabase({ kind: 'postgres' });
    try {
      if (test.login === undefined) throw new Error('postgres expected');
      const failure = await pgFailure(migrate(test.login));
      expect(failure.message).toMatch(/permission denied/);
    } finally {
      await test.drop();
    }
  });

  it('migrations refuse an owner that is neither superuser nor BYPASSRLS', async () => {
    const name = `palisade_guard_${crypto.randomUUID().slice(0, 8)}`;
    const admin = openPostgres({ url: adminUrl(), max: 1 });
    await admin.db.execute(
      sql.raw(`do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'palisade_plain_owner') then
          create role palisade_plain_owner login nosuperuser nobypassrls;
        end if; end $$`),
    );
    await admin.db.execute(sql.raw(`create database "${name}" owner palisade_plain_owner`));
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    url.username = 'palisade_plain_owner';
    const plain = openPostgres({ url: url.toString(), max: 2 });
    try {
      const failure = await pgFailure(migrate(plain));
      expect(failure.message).toMatch(/must run as a superuser or a BYPASSRLS role/);
    } finally {
      await plain.close();
      await admin.db.execute(sql.raw(`drop database "${name}" with (force)`));
      await admin.db.execute(sql.raw('drop role if exists palisade_plain_owner'));
      await admin.close();
    }
  });
});
