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
  /** Set: email goes out through Resend. Unset: messages stay in the built-in outbox (console). */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend's API base (a local stand-in in tests); the SDK default otherwise. */
  RESEND_BASE_URL: z.url().optional(),
  /** The sender of every email, e.g. `Acme SOC <soc@acme-mssp.example>` (a domain verified at Resend). */
  EMAIL_FROM: z.string().min(3).optional(),
  /** The web app's public URL, for links in emails (portal, incident pages); NEXTAUTH_URL if unset. */
  PALISADE_PUBLIC_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Daemon runs in flight in this worker at most. */
  DAEMON_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** Daemon runs in flight per tenant at most, across all workers. */
  DAEMON_TENANT_CAP: z.coerce.number().int().min(1).max(64).default(2),
  /** A daemon run's lease: after a worker dies, its daemons run again this much later. */
  DAEMON_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(300),
  /** Scheduling resolution: seconds between scheduler ticks. */
  DAEMON_TICK_SECONDS: z.coerce.number().int().min(1).max(60).default(1),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return WorkerEnv.parse(source);
}
