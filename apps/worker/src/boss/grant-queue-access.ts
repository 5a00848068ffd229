import type PgBoss from 'pg-boss';

export const APP_ROLE = 'palisade_app';

/**
 * Lets the app role enqueue inside its own tenant transaction (`send(name, data, { db: tx })`),
 * so a job exists only if the write that asked for it committed. Nothing more: the app role
 * cannot fetch, complete or delete jobs. Skipped when the role does not exist (a bare test db).
 */
export async function grantQueueAccess(db: PgBoss.Db, schema: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe pg-boss schema name: ${schema}`);
  const { rows } = await db.executeSql('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
  if (rows.length === 0) return false;
  // Serialized: two workers starting together would otherwise fail with "tuple concurrently updated".
  await db.executeSql(
    `begin;
     select pg_advisory_xact_lock(hashtext('palisade.grant-queue-access'));
     grant usage on schema ${schema} to ${APP_ROLE};
     grant select on ${schema}.queue to ${APP_ROLE};
     grant insert, select on ${schema}.job to ${APP_ROLE};
     commit;`,
    [],
  );
  return true;
}
