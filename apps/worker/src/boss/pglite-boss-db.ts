import type PgBoss from 'pg-boss';

/** The two PGlite methods pg-boss needs; structural so this file does not load PGlite itself. */
export interface PgliteSql {
  exec(query: string): Promise<Array<{ rows: unknown[]; fields: readonly unknown[] }>>;
  query(query: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss's `db` adapter over PGlite. pg-boss sends its schema install and maintenance as
 * parameterless multi-statement scripts (BEGIN; ...; COMMIT), which only the simple query
 * protocol (`exec`) accepts; everything with parameters goes through `query`.
 */
export function pgliteBossDb(pglite: PgliteSql): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const { rows } = await pglite.query(text, values);
        return { rows };
      }
      const results = await pglite.exec(text);
      // A script's answer is its last statement that returned columns (COMMIT returns none).
      const answer = results.findLast((r) => r.fields.length > 0) ?? results.at(-1);
      return { rows: answer?.rows ?? [] };
    },
  };
}
