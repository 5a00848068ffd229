import { closeDatabase, getDatabase } from '@palisade/db/client';
import { seedDemo } from '@palisade/db/seed';
import { type RunningWorker, startWorker } from '@palisade/worker/start-worker';
import { env } from '@/env';
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
    process.stdout.write(`${formatLogins(logins, env.NEXTAUTH_URL)}\n`);
  }

  // The worker logs through its own root logger (app: worker, its redaction list).
  const worker = env.embeddedWorker
    ? await startWorker({ database, ...(env.WORKER_PORT === undefined ? {} : { port: env.WORKER_PORT }) })
    : undefined;
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
