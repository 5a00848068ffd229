import { setDatabase } from '@palisade/db/client';
import type { Tx } from '@palisade/db/database';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import { captureLogs } from '../../../test/capture-logs';
import { startTestWorker, type TestWorker } from '../../../test/start-test-worker';
import { openTestDatabase, type TestDatabaseKind } from '../../../test/test-database';
import type { JobDefinition } from '../../jobs/define-job';
import { processAlertsJob } from '../../jobs/process-alerts';
import { deliverEmailJob } from '../../notifications/deliver-email-job';
import { DaemonScheduler } from '../daemon-scheduler';
import { ListenerService } from '../listener-service';
import { saveDaemon } from '../save-daemon';

/** A migrated database with tenants, the intake queue, and daemon helpers going through the real code. */
export async function openDaemonHarness(kind: TestDatabaseKind, tenants = 2) {
  const db = await openTestDatabase(kind);
  // The runner opens the process database (withTenant), as in the worker.
  setDatabase(db.database);
  const seeded = await seedTenants(db.database.db, tenants);
  // A worker run once to create the intake and email queues (enqueue refuses a queue that does not exist).
  let worker: TestWorker | undefined = await startTestWorker(db, [
    processAlertsJob,
    deliverEmailJob as JobDefinition,
  ]);
  await worker.stop();
  worker = undefined;
  const log = captureLogs().logger;
  const tenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) =>
    withTenantOn(db.database.db, tenantId, fn);
  return {
    db,
    log,
    tenants: seeded as SeededTenant[],
    tenant,
    async save(tenantId: string, yaml: string, daemonId?: string) {
      const r = await tenant(tenantId, (tx) =>
        saveDaemon(tx, { tenantId, yaml, actorUserId: null, ...(daemonId ? { daemonId } : {}) }),
      );
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
      return r.daemon;
    },
    scheduler: (options: { concurrency?: number; tenantCap?: number; leaseSeconds?: number } = {}) =>
      new DaemonScheduler({ db: db.database.db, log, ...options }),
    listeners: () => new ListenerService({ db: db.database.db, log }),
    /** Alerts of a tenant's daemon data source, oldest first (owner connection: inspection only). */
    alerts: (tenantId: string, dataSourceId: string) =>
      db.query<{ raw: unknown }>(
        'select raw from public.alerts where tenant_id = $1 and data_source_id = $2 order by received_at, id',
        [tenantId, dataSourceId],
      ),
    /** The daemon's latest run (owner connection: inspection only). */
    lastRun: async (tenantId: string, daemonId: string) =>
      (
        await db.query<{
          fetched: number;
          created: number;
          duplicates: number;
          filtered: number;
          failed: number;
          status: string;
          error: string | null;
        }>(
          'select fetched, created, duplicates, filtered, failed, status, error from public.daemon_runs where tenant_id = $1 and daemon_id = $2 order by started_at desc limit 1',
          [tenantId, daemonId],
        )
      )[0],
    query: <T>(text: string, params: unknown[] = []) => db.query<T>(text, params),
    close: () => db.close(),
  };
}
export type DaemonHarness = Awaited<ReturnType<typeof openDaemonHarness>>;
