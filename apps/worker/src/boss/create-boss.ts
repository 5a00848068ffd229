import PgBoss from 'pg-boss';
import { type PgliteSql, pgliteBossDb } from './pglite-boss-db';

/** What pg-boss needs of the app database; `@palisade/db`'s `Database` has this shape. */
export type BossDatabase = { kind: 'postgres'; url: string } | { kind: 'pglite'; pglite: PgliteSql };

/** pg-boss settings a caller may tune (tests shorten polling, maintenance and expiry). */
export type BossTuning = Pick<
  PgBoss.ConstructorOptions,
  | 'pollingIntervalSeconds'
  | 'maintenanceIntervalSeconds'
  | 'monitorStateIntervalSeconds'
  | 'cronMonitorIntervalSeconds'
  | 'schedule'
  | 'supervise'
>;

export const BOSS_SCHEMA = 'pgboss';

/**
 * A not-yet-started pg-boss on the app's database: its own pg pool on real PostgreSQL, or the
 * one in-process PGlite shared with the web app (a second connection to PGlite cannot exist).
 */
export function createBoss(database: BossDatabase, tuning: BossTuning = {}): PgBoss {
  const common = { schema: BOSS_SCHEMA, ...tuning };
  if (database.kind === 'postgres') {
    return new PgBoss({ ...common, connectionString: database.url, application_name: 'palisade-worker' });
  }
  return new PgBoss({ ...common, db: pgliteBossDb(database.pglite) });
}
