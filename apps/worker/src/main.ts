import { getDatabase } from '@palisade/db/client';
import { loadWorkerEnv } from './env';
import { createLogger } from './logger';
import { startWorker } from './start-worker';

// The separate worker process of the real-PostgreSQL deployment. Without DATABASE_URL the worker
// runs inside the web process (PGlite allows one process per data folder), not here.
const env = loadWorkerEnv();
const log = createLogger({ level: env.LOG_LEVEL });

if (!env.DATABASE_URL) {
  log.fatal('DATABASE_URL is not set: on embedded PGlite the worker runs inside the web app');
  process.exit(1);
}

try {
  const database = await getDatabase();
  const worker = await startWorker({
    database,
    logger: log,
    port: env.WORKER_PORT,
    host: env.WORKER_HOST,
    concurrency: env.WORKER_CONCURRENCY,
    drainTimeoutMs: env.WORKER_DRAIN_TIMEOUT_MS,
    boss: { pollingIntervalSeconds: env.WORKER_POLL_INTERVAL_SECONDS },
    daemons: {
      concurrency: env.DAEMON_CONCURRENCY,
      tenantCap: env.DAEMON_TENANT_CAP,
      leaseSeconds: env.DAEMON_LEASE_SECONDS,
      tickSeconds: env.DAEMON_TICK_SECONDS,
    },
  });

  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutdown requested');
    worker
      .stop()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
} catch (err) {
  log.fatal({ err }, 'worker failed to start');
  process.exit(1);
}
