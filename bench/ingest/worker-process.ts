import { openPostgres } from '@palisade/db/database';
import { processAlertsJob } from '@palisade/worker/jobs/process-alerts';
import { startWorker } from '@palisade/worker/start-worker';
import { pino } from 'pino';
import { z } from 'zod';

// Child process: the real worker with only the process-alerts queue.
const env = z
  .object({
    BENCH_INGEST_DB: z.string().min(1),
    BENCH_WORKER_LOOPS: z.coerce.number().int().default(8),
  })
  .parse(process.env);
const database = openPostgres({ url: env.BENCH_INGEST_DB, max: 10 });
const worker = await startWorker({
  database,
  logger: pino({ level: 'warn' }),
  port: 0,
  concurrency: env.BENCH_WORKER_LOOPS,
  jobs: [processAlertsJob],
  boss: { pollingIntervalSeconds: 0.5 },
});
process.send?.({ ready: true });
// 'cpu' answers with this process's CPU time so far; 'stop' drains and exits.
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'stop')
    void worker
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
});
