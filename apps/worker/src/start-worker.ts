import type { Database } from '@palisade/db/client';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { BOSS_SCHEMA, type BossTuning, createBoss } from './boss/create-boss';
import { grantQueueAccess } from './boss/grant-queue-access';
import { type DaemonService, type DaemonTuning, startDaemonService } from './daemons/daemon-service';
import { type HealthReport, type HealthServer, startHealthServer } from './http/health-server';
import type { JobDefinition } from './jobs/define-job';
import { allJobs, registerJobs } from './jobs/register';
import { createLogger } from './logger';
import { createJobMetrics } from './metrics/job-metrics';
import { registerQueueDepthGauge } from './metrics/queue-depth-gauge';
import { readQueueDepths } from './metrics/read-queue-depths';
import { publishDefaultTemplates } from './playbooks/publish-default-templates';

export interface StartWorkerOptions {
  /** From `getDatabase()`: the web app's own instance when embedded on PGlite. */
  database: Database;
  logger?: Logger;
  /** Health and metrics port; 0 picks a free one. Default 9464. */
  port?: number;
  host?: string;
  /** Fetch loops per queue. */
  concurrency?: number;
  /** How long stop() waits for in-flight jobs before pg-boss fails them back to their queue. */
  drainTimeoutMs?: number;
  /** The jobs to run; production uses the list in jobs/register.ts. */
  jobs?: readonly JobDefinition[];
  boss?: BossTuning;
  /** The daemon scheduler and listeners (default on, default tuning); `false` turns them off. */
  daemons?: false | DaemonTuning;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Undefined when started with `daemons: false`. */
  daemons: DaemonService | undefined;
  /** The port the health server actually bound. */
  port: number;
  registry: Registry;
  /** Stops fetching, waits for in-flight jobs, closes the health server. Idempotent. */
  stop(): Promise<void>;
}

const RUNNING = Symbol.for('palisade.worker');
type WorkerGlobal = typeof globalThis & { [RUNNING]?: Promise<RunningWorker> };

/**
 * Starts pg-boss, the job handlers and the health server; one per process. Next dev re-runs
 * instrumentation on reload, so a second call returns the worker already running.
 */
export function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const global = globalThis as WorkerGlobal;
  const running = global[RUNNING];
  if (running) return running;
  const starting = launch(options, () => {
    if (global[RUNNING] === starting) delete global[RUNNING];
  });
  global[RUNNING] = starting;
  starting.catch(() => {
    if (global[RUNNING] === starting) delete global[RUNNING];
  });
  return starting;
}

async function launch(options: StartWorkerOptions, forget: () => void): Promise<RunningWorker> {
  const { database, port = 9464, host = '127.0.0.1', concurrency = 2, drainTimeoutMs = 30_000 } = options;
  const log = options.logger ?? createLogger();
  const startedAt = Date.now();
  let status: HealthReport['status'] = 'starting';

  // pg-boss's own default (2 s) makes a lone job wait up to 2 s and caps a loop at batchSize / 2 s.
  const boss = createBoss(database, { pollingIntervalSeconds: 1, ...options.boss });
  // An EventEmitter 'error' without a listener would crash the process.
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = createJobMetrics(registry);
  registerQueueDepthGauge(registry, boss);

  let health: HealthServer | undefined;
  let daemons: DaemonService | undefined;
  try {
    await boss.start();
    const granted = await grantQueueAccess(boss.getDb(), BOSS_SCHEMA);
    if (!granted) log.warn('role palisade_app missing: the app cannot enqueue in its own transactions');
    const runtime = { boss, bossSchema: BOSS_SCHEMA, log, metrics, database };
    await registerJobs(options.jobs ?? allJobs, runtime, concurrency);
    // Template rows are what tenant copies compare against to offer upgrades. Needs the owner
    // connection (the one that migrates); without it upgrades are not offered, the worker still runs.
    await publishDefaultTemplates(database.db).catch((err: unknown) =>
      log.warn({ err }, 'playbook templates not published'),
    );
    if (options.daemons !== false)
      daemons = await startDaemonService({ boss, database, log, ...options.daemons });
    health = await startHealthServer({
      port,
      host,
      registry,
      log,
      report: () => healthReport(boss, status, startedAt),
    });
  } catch (err) {
    await daemons?.stop();
    await boss.stop({ graceful: false });
    throw err;
  }
  status = 'ok';
  log.info({ database: database.kind, port: health.port, concurrency }, 'worker started');

  const server = health;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      status = 'draining';
      log.info({ timeout_ms: drainTimeoutMs }, 'worker draining');
      await daemons?.stop();
      await boss.stop({ graceful: true, wait: true, timeout: drainTimeoutMs });
      status = 'stopped';
      await server.close();
      forget();
      log.info('worker stopped');
    })();
    return stopping;
  };
  return { boss, daemons, port: server.port, registry, stop };
}

async function healthReport(
  boss: PgBoss,
  status: HealthReport['status'],
  startedAt: number,
): Promise<HealthReport> {
  const uptimeSeconds = Math.round((Date.now() - startedAt) / 1000);
  if (status !== 'ok') return { status, uptimeSeconds, queues: [] };
  try {
    // Bounded: a pool waiting on an unreachable server would otherwise hang the probe.
    const queues = await withinMs(readQueueDepths(boss), 2000);
    return { status, uptimeSeconds, queues };
  } catch {
    return { status: 'database_unreachable', uptimeSeconds, queues: [] };
  }
}

function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
