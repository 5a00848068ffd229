import type { Database } from '@palisade/db/client';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobMetrics } from '../metrics/job-metrics';
import type { JobDefinition } from './define-job';
import { JobBatchError } from './job-batch-error';

export interface JobRuntime {
  boss: PgBoss;
  bossSchema: string;
  log: Logger;
  metrics: JobMetrics;
  database: Database;
}

/**
 * Runs one fetched batch job by job. pg-boss 10 completes or fails a whole batch by the
 * callback's outcome, so each job is settled here instead:
 * - success: completed at once, with the handler's result as output;
 * - invalid payload: failed at once with retries cut to zero (a retry cannot fix it);
 * - handler error: left active, and the callback finally throws so that pg-boss fails exactly
 *   the still-active jobs. Failing them one by one here instead would let another worker
 *   re-fetch a retried job before pg-boss's blanket `complete` of the batch marks it done.
 */
export async function runJobBatch(
  definition: JobDefinition,
  jobs: readonly PgBoss.JobWithMetadata<unknown>[],
  runtime: JobRuntime,
): Promise<void> {
  const failures = new Map<string, unknown>();
  const fetchedAt = Date.now();
  const expiresAt = (job: PgBoss.JobWithMetadata<unknown>) => fetchedAt + Number(job.expireInSeconds) * 1000;

  for (const job of jobs) {
    const log = runtime.log.child({
      job_id: job.id,
      job_name: job.name,
      tenant_id: tenantIdOf(job.data),
      retry_count: job.retryCount,
    });
    if (Date.now() >= expiresAt(job)) {
      // pg-boss fails an expired job back to its queue (batch timeout or maintenance); starting
      // it now could run it twice. Listed as failed so the batch's blanket complete skips it.
      log.warn('job expired before it started, left to its retry');
      failures.set(job.id, new Error('job expired before it started'));
      continue;
    }
    const parsed = definition.payload.safeParse(job.data);
    if (!parsed.success) {
      // Issues carry paths and messages, not the payload itself (it may hold alert content).
      log.error({ issues: parsed.error.issues }, 'job payload invalid, failed without retry');
      runtime.metrics.failed.inc({ job_name: job.name, reason: 'invalid_payload' });
      await failWithoutRetry(runtime, job, parsed.error.issues).catch((err: unknown) => {
        failures.set(job.id, err);
      });
      continue;
    }

    const stopTimer = runtime.metrics.duration.startTimer({ job_name: job.name });
    try {
      const output = await definition.handler(parsed.data, {
        log,
        job: { id: job.id, name: job.name, retryCount: job.retryCount, retryLimit: job.retryLimit },
        signal: AbortSignal.timeout(Math.max(0, expiresAt(job) - Date.now())),
        database: runtime.database,
      });
      const result = asOutput(output);
      if (result) await runtime.boss.complete(job.name, job.id, result);
      else await runtime.boss.complete(job.name, job.id);
      const seconds = stopTimer({ outcome: 'completed' });
      runtime.metrics.completed.inc({ job_name: job.name });
      log.info({ duration_ms: Math.round(seconds * 1000) }, 'job completed');
    } catch (err) {
      const seconds = stopTimer({ outcome: 'failed' });
      runtime.metrics.failed.inc({ job_name: job.name, reason: 'error' });
      log.error(
        { err, duration_ms: Math.round(seconds * 1000), will_retry: job.retryCount < job.retryLimit },
        'job failed',
      );
      failures.set(job.id, err);
    }
  }

  if (failures.size === 1) throw failures.values().next().value;
  if (failures.size > 1) throw new JobBatchError(failures);
}

async function failWithoutRetry(
  { boss, bossSchema }: JobRuntime,
  job: PgBoss.JobWithMetadata<unknown>,
  issues: unknown,
): Promise<void> {
  await boss
    .getDb()
    .executeSql(
      `update ${bossSchema}.job set retry_limit = retry_count where name = $1 and id = $2 and state = 'active'`,
      [job.name, job.id],
    );
  await boss.fail(job.name, job.id, { code: 'INVALID_PAYLOAD', issues });
}

function tenantIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('tenantId' in data)) return undefined;
  return typeof data.tenantId === 'string' ? data.tenantId : undefined;
}

/** pg-boss stores objects as-is and wraps anything else in `{ value }`; nothing for undefined. */
function asOutput(result: unknown): object | undefined {
  if (result === undefined || result === null) return undefined;
  return typeof result === 'object' ? result : { value: result };
}
