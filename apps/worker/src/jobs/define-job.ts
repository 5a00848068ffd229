import type { Database } from '@palisade/db/client';
import type { Logger } from 'pino';
import type { z } from 'zod';

/** What a handler gets besides its payload. */
export interface JobContext {
  /** Child of the worker logger with job_id, job_name, tenant_id, retry_count. */
  log: Logger;
  job: { id: string; name: string; retryCount: number; retryLimit: number };
  /**
   * Aborts when the attempt's expiry passes: pg-boss has then failed it back to the queue, so
   * outbound calls should stop rather than race the retry.
   */
  signal: AbortSignal;
  /** The process's database; tenant data only through `withTenant`. */
  database: Database;
}

export interface JobCron<Payload> {
  /** Five-field cron expression, evaluated in UTC. */
  expression: string;
  payload: Payload;
}

export interface JobOptions<Payload = unknown> {
  /** Retries after the first attempt; 0 = fail on the first error. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * How long one attempt may stay active before pg-boss fails it back to the queue (also what
   * recovers a job from a crashed worker). pg-boss bounds a whole fetched batch by this, so it
   * must cover `batchSize` runs back to back.
   */
  expireInSeconds?: number;
  /** Jobs fetched per poll and then run one after another. */
  batchSize?: number;
  cron?: JobCron<Payload>;
}

export type ResolvedJobOptions<Payload> = Required<Omit<JobOptions<Payload>, 'cron'>> &
  Pick<JobOptions<Payload>, 'cron'>;

export interface JobDefinition<Payload = unknown> {
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
  readonly options: ResolvedJobOptions<Payload>;
  // Method syntax on purpose: a list of definitions with different payloads stays assignable.
  handler(payload: Payload, context: JobContext): Promise<unknown>;
}

const DEFAULTS = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  batchSize: 5,
} as const;

const QUEUE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/**
 * A job type: queue name (kebab-case verb-noun), payload schema, handler and queue options.
 * Pure data; `registerJobs` creates its queue, schedule and workers.
 */
export function defineJob<Schema extends z.ZodType>(
  name: string,
  payload: Schema,
  handler: (payload: z.output<Schema>, context: JobContext) => Promise<unknown>,
  options: JobOptions<z.input<Schema>> = {},
): JobDefinition<z.output<Schema>> {
  if (!QUEUE_NAME.test(name)) throw new Error(`job name must be kebab-case verb-noun: ${name}`);
  // A cron payload that fails its own schema would fail every hour; refuse it at startup.
  const cron = options.cron && { ...options.cron, payload: payload.parse(options.cron.payload) };
  return {
    name,
    payload: payload as z.ZodType<z.output<Schema>>,
    options: { ...DEFAULTS, ...options, cron },
    handler,
  };
}
