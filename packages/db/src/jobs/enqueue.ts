import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../database';
import { pgErrorCode } from '../pg-error';

/** pg-boss's schema (apps/worker creates the queues there and grants palisade_app INSERT on its jobs). */
export const BOSS_SCHEMA = 'pgboss';

export const EnqueueOptions = z.object({
  /** Run no earlier than this moment (a delayed job). */
  startAfter: z.date().optional(),
  /** pg-boss dedups queued jobs with the same key on a singleton/stately queue; not an idempotency key. */
  singletonKey: z.string().optional(),
  retryLimit: z.int().min(0).optional(),
  expireInSeconds: z.int().min(1).optional(),
  priority: z.int().optional(),
});
export type EnqueueOptions = z.infer<typeof EnqueueOptions>;

export type JobToEnqueue = { name: string; data: object; options?: EnqueueOptions };

/**
 * Inserts jobs inside the caller's transaction, so a job exists only if the write that asked for it
 * commits (the statement is pg-boss 10's own batch insert, `insertJobs`, reading defaults from the
 * queue row). A job for a queue that does not exist yet throws `EnqueueError` (rolling the write
 * back) instead of vanishing.
 */
export async function enqueueMany(tx: Tx, jobs: readonly JobToEnqueue[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = jobs.map(({ name, data, options = {} }) => ({
    name,
    data,
    startAfter: options.startAfter?.toISOString(),
    singletonKey: options.singletonKey,
    retryLimit: options.retryLimit,
    expireInSeconds: options.expireInSeconds,
    priority: options.priority,
  }));
  const result = await insertJobs(tx, rows);
  const inserted = affected(result);
  // A job for a queue the worker never created would vanish silently (the join finds no queue row).
  const deduplicable = jobs.filter((j) => j.options?.singletonKey !== undefined).length;
  if (inserted < jobs.length - deduplicable) {
    throw new EnqueueError(`enqueued ${inserted} of ${jobs.length} jobs: is the worker's queue created?`);
  }
  return inserted;
}

// SQLSTATEs for no such table / schema, no permission: no worker has installed pg-boss here yet.
const MISSING_QUEUE_STORAGE = new Set(['42P01', '3F000', '42501']);

/** pg-boss 10's own batch insert (`insertJobs`); `rows` are serialized as one JSON parameter. */
async function insertJobs(tx: Tx, rows: readonly object[]) {
  try {
    return await tx.execute(sql`
      insert into ${sql.identifier(BOSS_SCHEMA)}.job (
        id, name, data, priority, start_after, singleton_key, expire_in, keep_until,
        retry_limit, retry_delay, retry_backoff, policy)
      select gen_random_uuid(), j.name, j.data, coalesce(j.priority, 0), j.start_after, j."singletonKey",
        case when j."expireInSeconds" is not null then j."expireInSeconds"::numeric * interval '1s'
             when q.expire_seconds is not null then q.expire_seconds * interval '1s'
             else interval '15 minutes' end,
        j.start_after + coalesce((q.retention_minutes * 60)::text, '14 days')::interval,
        coalesce(j."retryLimit", q.retry_limit, 2),
        case when coalesce(q.retry_backoff, false) then greatest(coalesce(q.retry_delay, 0), 1)
             else coalesce(q.retry_delay, 0) end,
        coalesce(q.retry_backoff, false),
        q.policy
      from (
        select x.*,
          case when x."startAfter" is null then now() else x."startAfter"::timestamptz end as start_after
        from json_to_recordset(${JSON.stringify(rows)}::json) as x (
          name text, data jsonb, "startAfter" text, "singletonKey" text, "retryLimit" integer,
          "expireInSeconds" integer, priority integer)
      ) j
      join ${sql.identifier(BOSS_SCHEMA)}.queue q on q.name = j.name
      on conflict do nothing`);
  } catch (err) {
    if (MISSING_QUEUE_STORAGE.has(pgErrorCode(err) ?? '')) {
      throw new EnqueueError(
        "pg-boss's job table is missing or not granted to the app role: has a worker started here?",
        {
          cause: err,
        },
      );
    }
    throw err;
  }
}

export class EnqueueError extends Error {
  readonly code = 'ENQUEUE' as const;
}

/** One job; see `enqueueMany`. */
export async function enqueue(tx: Tx, name: string, data: object, options?: EnqueueOptions): Promise<number> {
  return enqueueMany(tx, [{ name, data, ...(options ? { options } : {}) }]);
}

function affected(result: unknown): number {
  if (result && typeof result === 'object') {
    if ('count' in result && typeof result.count === 'number') return result.count;
    if ('affectedRows' in result && typeof result.affectedRows === 'number') return result.affectedRows;
  }
  return 0;
}
