import { closeDatabase, getDatabase } from '@palisade/db/client';
import { seedDemoContacts } from '@palisade/db/queries/contacts/seed-demo-contacts';
import { demoKpiTenants, seedDemoKpiHistory } from '@palisade/db/queries/kpis/seed-demo-kpi-history';
import { DEMO_TENANTS, seedDemo } from '@palisade/db/seed';
import { seedDemoDaemons } from '@palisade/worker/daemons/seed-demo-daemons';
import { createExecutor } from '@palisade/worker/playbooks/executor';
import { seedDemoPlaybooks } from '@palisade/worker/playbooks/seed-demo-playbooks';
import { type RunningWorker, startWorker } from '@palisade/worker/start-worker';
import { env } from '@/env';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { seedDemoAlerts } from '@/server/ingest/seed-demo-alerts';
import { logger } from '@/server/logger';
import { formatLogins } from './print-logins';

const log = logger.child({ component: 'startup' });

/**
 * Server start-up. With no DATABASE_URL this is the whole product in one process:
 * open (and migrate) the embedded PGlite, seed the demo when asked, and run the
 * worker in-process on the same PGlite instance, since a second process cannot open
 * its folder. With DATABASE_URL the worker is its own process unless
 * PALISADE_EMBEDDED_WORKER=1.
 */
export async function startEmbedded(): Promise<void> {
  const database = await getDatabase();
  log.info({ database: database.kind }, 'database ready');

  if (env.PALISADE_SEED_DEMO === '1') {
    const logins = await seedDemo(database.db);
    log.info(await seedDemoContacts(database.db, DEMO_TENANTS), 'demo contacts seeded');
    log.info(await seedDemoKpiHistory(database.db, demoKpiTenants()), 'demo KPI history seeded');
    process.stdout.write(`${formatLogins(logins, env.NEXTAUTH_URL)}\n`);
  }

  // The in-process worker's enrichment opens sealed provider credentials with the key from process.env:
  // publish it (generated and kept beside the data folder when unset) before the worker starts.
  if (env.embeddedWorker) atRestKey();
  // The worker logs through its own root logger (app: worker, its redaction list).
  const worker = env.embeddedWorker
    ? await startWorker({ database, ...(env.WORKER_PORT === undefined ? {} : { port: env.WORKER_PORT }) })
    : undefined;
  if (env.PALISADE_SEED_DEMO === '1') {
    // After the worker: a demo run enqueues its first jobs, which needs the worker's queues.
    const seeded = await seedDemoPlaybooks(
      database.db,
      createExecutor(log),
      DEMO_TENANTS.map((t) => t.id),
      { startRuns: worker !== undefined },
    ).catch((err: unknown) => log.error({ err }, 'demo playbooks not seeded'));
    if (seeded) log.info(seeded, 'demo playbooks seeded');
    const daemons = await seedDemoDaemons(
      database.db,
      DEMO_TENANTS.map((t) => t.id),
    ).catch((err: unknown) => log.error({ err }, 'demo daemons not seeded'));
    if (daemons) log.info(daemons, 'demo daemons seeded');
    // Through the real intake, so the worker turns them into incidents (needs its queue).
    const alerts = await seedDemoAlerts(database, { log, secretKey: atRestKey }).catch((err: unknown) =>
      log.error({ err }, 'demo alerts not seeded'),
    );
    if (alerts) log.info(alerts, 'demo alerts sent');
  }
  handleShutdown(worker);
}

/**
 * `pnpm start` sets NEXT_MANUAL_SIG_HANDLE, so Next leaves SIGTERM/SIGINT to us: let
 * in-flight jobs finish and close the database (PGlite flushes its folder) before
 * exiting, instead of Next's immediate exit.
 */
function handleShutdown(worker: RunningWorker | undefined): void {
  let stopping = false;
  const shutdown = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down');
    void (async () => {
      await worker?.stop();
      await closeDatabase();
    })()
      .catch((err: unknown) => log.error({ err }, 'shutdown failed'))
      .finally(() => process.exit(exitCode));
  };
  process.once('SIGTERM', () => shutdown(143));
  process.once('SIGINT', () => shutdown(130));
}
