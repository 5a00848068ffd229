import { openPostgres } from '@palisade/db/database';
import { FIRE_SLA_TIMER, SWEEP_SLA_TIMERS } from '@palisade/db/jobs/fire-sla-timer';
import { allJobs } from '@palisade/worker/jobs/register';
import { startWorker } from '@palisade/worker/start-worker';
import { pino } from 'pino';
import { z } from 'zod';

// Child process: a worker of the production job set. `timers`: only the SLA firing queues (a
// dedicated timer worker, its own event loop and pool); `rest`: every other queue (alert processing
// for the flood, SLA notices, email delivery, …); `all`: the production worker as it ships.
const env = z
  .object({
    BENCH_SLA_DB: z.string().min(1),
    BENCH_WORKER_ROLE: z.enum(['all', 'timers', 'rest']).default('all'),
    BENCH_WORKER_LOOPS: z.coerce.number().int().default(2),
    BENCH_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
  })
  .parse(process.env);
const TIMER_QUEUES = new Set([FIRE_SLA_TIMER, SWEEP_SLA_TIMERS]);
const jobs = allJobs.filter((j) =>
  env.BENCH_WORKER_ROLE === 'all' ? true : TIMER_QUEUES.has(j.name) === (env.BENCH_WORKER_ROLE === 'timers'),
);
const database = openPostgres({ url: env.BENCH_SLA_DB, max: 10 });
const worker = await startWorker({
  database,
  logger: pino({ level: 'warn' }),
  port: 0,
  concurrency: env.BENCH_WORKER_LOOPS,
  jobs,
  boss: { pollingIntervalSeconds: env.BENCH_POLL_SECONDS },
});
process.send?.({ ready: true });
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'stop')
    void worker
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
});
