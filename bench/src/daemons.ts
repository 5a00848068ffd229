import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, setDatabase } from '@palisade/db/client';
import { tenants } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import { ListenerService } from '@palisade/worker/daemons/listener-service';
import { saveDaemon } from '@palisade/worker/daemons/save-daemon';
import { processAlertsJob } from '@palisade/worker/jobs/process-alerts';
import { startWorker } from '@palisade/worker/start-worker';
import { pino } from 'pino';
import postgres from 'postgres';
import { z } from 'zod';
import { openBenchDatabase } from '../shared/bench-database';

const here = path.dirname(fileURLToPath(import.meta.url));
const Env = z.object({
  /** Syslog messages sent over TCP. */
  BENCH_SYSLOG_MESSAGES: z.coerce.number().int().min(1000).default(100_000),
  BENCH_SYSLOG_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(4),
  BENCH_DAEMONS: z.coerce.number().int().min(1).default(1000),
  BENCH_DAEMON_TENANTS: z.coerce.number().int().min(1).default(100),
  /** Each daemon's interval; first runs are spread evenly over one interval. */
  BENCH_DAEMON_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** How long the scheduler runs while lags are recorded. */
  BENCH_SCHEDULER_SECONDS: z.coerce.number().int().min(10).default(150),
  BENCH_DAEMON_CONCURRENCY: z.coerce.number().int().min(1).default(8),
});
const env = Env.parse(process.env);
const log = pino({ level: 'warn' });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const waitMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CEF = (i: number) =>
  `<134>1 2026-11-23T10:00:00Z fw-${i % 50} pan - - - CEF:0|Palo Alto Networks|PAN-OS|10.1|THREAT|url blocked ${i}|8|src=10.1.${i % 250}.${i % 200} dst=203.0.113.${i % 250} request=http://bad${i % 1000}.example/x`;

/** Sends `count` octet-counted messages on one connection, honouring backpressure. */
function sendTcp(port: number, from: number, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', reject);
    let i = from;
    const end = from + count;
    const pump = () => {
      while (i < end) {
        const chunk: string[] = [];
        for (let k = 0; k < 200 && i < end; k++, i++) {
          const m = CEF(i);
          chunk.push(`${Buffer.byteLength(m)} ${m}`);
        }
        if (!socket.write(chunk.join(''))) return void socket.once('drain', pump);
      }
      socket.end(() => resolve());
    };
    socket.on('connect', pump);
  });
}

async function syslogThroughput(database: Database, db: ReturnType<typeof postgres>) {
  const tenantId = crypto.randomUUID();
  await database.db
    .insert(tenants)
    .values({ id: tenantId, slug: `syslog-${tenantId.slice(0, 8)}`, name: 'Syslog bench' });
  const yaml = `name: bench-syslog
kind: syslog
schedule:
  listen: true
inputs:
  port: 0
  host: 127.0.0.1
  protocols: [tcp]
  batchSize: 1000
  flushMs: 50
`;
  const saved = await withTenantOn(database.db, tenantId, (tx) =>
    saveDaemon(tx, { tenantId, yaml, actorUserId: null }),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const listeners = new ListenerService({ db: database.db, log });
  await listeners.sync();
  const address = await (listeners.addressOf(saved.daemon.id) as Promise<string>);
  const port = Number(new URL(address).port);
  const total = env.BENCH_SYSLOG_MESSAGES;
  const per = Math.ceil(total / env.BENCH_SYSLOG_CONNECTIONS);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: env.BENCH_SYSLOG_CONNECTIONS }, (_, c) =>
      sendTcp(port, c * per, Math.min(per, total - c * per)),
    ),
  );
  const sentMs = performance.now() - started;
  let stored = 0;
  for (;;) {
    const [row] = await db<
      { n: string }[]
    >`select count(*) as n from public.alerts where tenant_id = ${tenantId}`;
    stored = Number(row?.n);
    if (stored >= total) break;
    await waitMs(100);
  }
  const storedMs = performance.now() - started;
  await listeners.stop();
  const [dups] = await db<
    { n: string }[]
  >`select count(*) - count(distinct raw) as n from public.alerts where tenant_id = ${tenantId}`;
  return {
    total,
    stored,
    sentMs,
    storedMs,
    rate: Math.round(total / (storedMs / 1000)),
    duplicates: Number(dups?.n),
  };
}

async function schedulerOverhead(database: Database, db: ReturnType<typeof postgres>) {
  const interval = env.BENCH_DAEMON_INTERVAL_SECONDS;
  const tenantIds: string[] = [];
  for (let i = 0; i < env.BENCH_DAEMON_TENANTS; i++) {
    const id = crypto.randomUUID();
    await database.db
      .insert(tenants)
      .values({ id, slug: `sched-${i}-${id.slice(0, 6)}`, name: `Sched ${i}` });
    tenantIds.push(id);
  }
  const perTenant = Math.ceil(env.BENCH_DAEMONS / tenantIds.length);
  let made = 0;
  for (const tenantId of tenantIds) {
    await withTenantOn(database.db, tenantId, async (tx) => {
      for (let k = 0; k < perTenant && made < env.BENCH_DAEMONS; k++, made++) {
        const yaml = `name: stale-${k}\nkind: stale-incidents\nschedule:\n  every: ${interval}s\ninputs:\n  olderThanHours: 4\n`;
        const r = await saveDaemon(tx, { tenantId, yaml, actorUserId: null });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
      }
    });
  }
  // Not due while the worker starts (new interval daemons are due at once).
  await db`update public.daemons set next_run_at = now() + interval '1 day'`;
  const worker = await startWorker({
    database,
    logger: log,
    port: 0,
    jobs: [],
    daemons: { concurrency: env.BENCH_DAEMON_CONCURRENCY, tickSeconds: 1 },
  });
  // Once the worker is up (its start-up is not scheduling lag): first runs spread over one interval from 5 s on.
  await db`update public.daemons set next_run_at = now() + interval '5 seconds'
             + (row_number * ${(interval * 1000) / env.BENCH_DAEMONS} * interval '1 millisecond')
           from (select tenant_id as t, id as d, row_number() over (order by id) - 1 as row_number from public.daemons) x
          where tenant_id = x.t and id = x.d`;
  const startedAt = new Date();
  await waitMs(env.BENCH_SCHEDULER_SECONDS * 1000);
  await worker.stop();
  const runs = await db<{ lag_ms: number; status: string }[]>`
    select lag_ms, status from public.daemon_runs where trigger = 'schedule' and started_at >= ${startedAt}`;
  const lags = runs.map((r) => Number(r.lag_ms)).sort((a, b) => a - b);
  const expected = Math.floor(((env.BENCH_SCHEDULER_SECONDS - 5) / interval) * env.BENCH_DAEMONS);
  return {
    runs: runs.length,
    expected,
    failed: runs.filter((r) => r.status !== 'succeeded').length,
    p50: pct(lags, 50),
    p90: pct(lags, 90),
    p99: pct(lags, 99),
    max: lags.at(-1) ?? 0,
  };
}

async function main() {
  const bench = await openBenchDatabase('daemons');
  setDatabase(bench.database);
  const db = postgres(bench.url, { max: 2, onnotice: () => {} });
  try {
    // The intake refuses alerts for a queue that does not exist: a worker creates it once.
    const once = await startWorker({
      database: bench.database,
      logger: log,
      port: 0,
      jobs: [processAlertsJob],
      daemons: false,
    });
    await once.stop();
    const syslog = await syslogThroughput(bench.database, db);
    console.log('syslog', syslog);
    const sched = await schedulerOverhead(bench.database, db);
    console.log('scheduler', sched);
    const report = `# Daemons benchmark

\`pnpm bench:daemons\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), PostgreSQL at 127.0.0.1, ${new Date().toISOString().slice(0, 10)}.

## Syslog over TCP into alerts

${syslog.total.toLocaleString('en')} CEF-in-RFC 5424 messages, octet-counted, on ${env.BENCH_SYSLOG_CONNECTIONS} TCP connections to one syslog daemon
(batches of 1,000, stored through the ingest intake with dedup keys and the \`process-alerts\` job enqueued per batch).

| measure | value |
| --- | --- |
| messages sent | ${syslog.total.toLocaleString('en')} |
| alerts stored | ${syslog.stored.toLocaleString('en')} (lost: ${syslog.total - syslog.stored}, duplicates: ${syslog.duplicates}) |
| all sent after | ${(syslog.sentMs / 1000).toFixed(1)} s (TCP backpressure paces the senders) |
| all stored after | ${(syslog.storedMs / 1000).toFixed(1)} s |
| throughput | **${syslog.rate.toLocaleString('en')} messages/s** accepted into alerts |

## Scheduler overhead

${env.BENCH_DAEMONS.toLocaleString('en')} daemons across ${env.BENCH_DAEMON_TENANTS} tenants, each \`every: ${env.BENCH_DAEMON_INTERVAL_SECONDS}s\` (stale-incident checks, first runs spread evenly over one interval in random tenant order),
one worker (tick 1 s, ${env.BENCH_DAEMON_CONCURRENCY} runs in flight, 2 per tenant), for ${env.BENCH_SCHEDULER_SECONDS} s. Lag = run start − due time.

| measure | value |
| --- | --- |
| runs | ${sched.runs.toLocaleString('en')} (about ${sched.expected.toLocaleString('en')} due), failed ${sched.failed} |
| lag p50 | ${sched.p50} ms |
| lag p90 | ${sched.p90} ms |
| lag p99 | ${sched.p99} ms |
| lag max | ${sched.max} ms |
`;
    mkdirSync(path.join(here, '..', 'results'), { recursive: true });
    writeFileSync(path.join(here, '..', 'results', 'daemons.md'), report);
    console.log(report);
  } finally {
    await db.end();
    await bench.drop();
  }
}

await main();
