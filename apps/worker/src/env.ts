import { z } from 'zod';

/** Everything the worker reads from its environment; the only place `process.env` is read. */
export const WorkerEnv = z.object({
  /**
   * Set: this separate worker process on real PostgreSQL. Unset (or empty): embedded PGlite, where
   * the worker runs inside the web process. `@palisade/db` opens the database from the same variable.
   */
  DATABASE_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WORKER_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  WORKER_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Parallel fetch loops per queue; each loop works one batch at a time. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Idle pause between fetches of each loop (pg-boss minimum 0.5). Also the pause after every
   * batch, so a queue moves at most concurrency x batchSize jobs per interval.
   */
  WORKER_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  /** How long SIGTERM waits for in-flight jobs before failing them back to the queue. */
  WORKER_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return WorkerEnv.parse(source);
}
