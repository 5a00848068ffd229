import os from 'node:os';
import { type Database, openPostgres } from '@palisade/db/database';
import { migrate } from '@palisade/db/migrate';
import postgres from 'postgres';
import { z } from 'zod';

const Env = z.object({
  BENCH_DATABASE_URL: z.string().min(1).optional(),
  PGUSER: z.string().min(1).optional(),
});

export interface BenchDatabase {
  database: Database;
  /** For child processes (a worker, a web server) that open their own connections. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh migrated PostgreSQL database for one bench run, named after the bench, dropped afterwards. */
export async function openBenchDatabase(bench: string): Promise<BenchDatabase> {
  const env = Env.parse(process.env);
  const adminUrl =
    env.BENCH_DATABASE_URL ??
    `postgres://${encodeURIComponent(env.PGUSER ?? os.userInfo().username)}@127.0.0.1:5432/postgres`;
  const name = `palisade_bench_${bench}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres({ url: url.toString(), max: 20 });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
