import { randomBytes } from 'node:crypto';
import type { Database } from '@palisade/db/client';
import {
  type CreateDataSourceInput,
  createDataSource,
} from '@palisade/db/queries/data-sources/create-data-source';
import { withTenantOn } from '@palisade/db/with-tenant';
import { processAlertsJob } from '@palisade/worker/jobs/process-alerts';
import { type RunningWorker, startWorker } from '@palisade/worker/start-worker';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { handleIngest, type IngestResponseBody } from '../handle-ingest';

export const silentLog = pino({ level: 'silent' });
export const testSecretKey = randomBytes(32);

export const INGEST_URL = 'http://127.0.0.1/api/ingest/v1/alerts';

/** Calls the route's handler with a real Request, on the login connection (as production). */
export function ingestVia(app: Database) {
  return async (
    key: string,
    body: unknown,
    init: { contentType?: string; headers?: Record<string, string>; raw?: boolean } = {},
  ): Promise<{
    status: number;
    headers: Headers;
    json: IngestResponseBody & { error?: { code: string; message: string } };
  }> => {
    const text = init.raw ? String(body) : JSON.stringify(body);
    const request = new Request(INGEST_URL, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': init.contentType ?? 'application/json',
        ...init.headers,
      },
      body: text,
    });
    const response = await handleIngest(request, {
      db: app.db,
      secretKey: () => testSecretKey,
      log: silentLog,
    });
    return { status: response.status, headers: response.headers, json: await response.json() };
  };
}

export async function addDataSource(
  database: Database,
  tenantId: string,
  input: Omit<CreateDataSourceInput, 'tenantId' | 'actorUserId'> = { name: 'SIEM' },
) {
  return withTenantOn(database.db, tenantId, (tx) =>
    createDataSource(tx, { ...input, tenantId, actorUserId: null }, { secretKey: testSecretKey }),
  );
}

/** The real process-alerts job on a worker with fast polling. */
export function startIngestWorker(
  database: Database,
  { drainTimeoutMs = 15_000 } = {},
): Promise<RunningWorker> {
  return startWorker({
    database,
    logger: silentLog,
    port: 0,
    concurrency: 1,
    drainTimeoutMs,
    jobs: [processAlertsJob],
    boss: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
  });
}

/** Bounded polling: resolves with the first truthy value, fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until none of the tenant's alerts is still `received`. */
export function processed(database: Database, tenantId: string, alertIds: readonly string[]) {
  return until(`alerts of ${tenantId} processed`, async () => {
    const rows = await withTenantOn(database.db, tenantId, (tx) =>
      tx.execute(
        sql`select count(*)::int as n from public.alerts where status = 'received' and id = any (${`{${alertIds.join(',')}}`}::uuid[])`,
      ),
    );
    const n = Number((Array.isArray(rows) ? rows[0] : (rows as { rows: { n: number }[] }).rows[0])?.n);
    return n === 0;
  });
}
