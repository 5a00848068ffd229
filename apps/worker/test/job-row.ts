import type { TestDatabase } from './test-database';

export interface JobRow {
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retry_count: number;
  output: Record<string, unknown> | null;
}

/** The job's row read straight from pg-boss's table, also after the boss stopped. */
export async function jobRow(db: TestDatabase, id: string): Promise<JobRow | undefined> {
  const rows = await db.query<JobRow>('select state, retry_count, output from pgboss.job where id = $1', [
    id,
  ]);
  return rows[0];
}

/** Resolves with the row once the job reached one of `states`. */
export function inState(db: TestDatabase, id: string, ...states: JobRow['state'][]) {
  return async () => {
    const row = await jobRow(db, id);
    return row && states.includes(row.state) ? row : undefined;
  };
}
