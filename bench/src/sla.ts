import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enqueueMany } from '@palisade/db/jobs/enqueue';
import { createDataSource } from '@palisade/db/queries/data-sources/create-data-source';
import { slaFiringJob } from '@palisade/db/queries/sla/schedule-sla-firing';
import { incidents, msspContacts, slaTimers, tenantIncidentSettings, tenants } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import postgres from 'postgres';
import { z } from 'zod';
import { alertStream } from '../ingest/alert-generator';
import { openBenchDatabase } from '../shared/bench-database';

const here = path.dirname(fileURLToPath(import.meta.url));
const Env = z.object({
  BENCH_TENANTS: z.coerce.number().int().min(2).default(50),
  BENCH_TIMERS: z.coerce.number().int().min(1).default(10_000),
  /** Due moments are spread evenly over this window. */
  BENCH_WINDOW_SECONDS: z.coerce.number().min(1).default(300),
  /** Time between the end of seeding and the first due moment. */
  BENCH_LEAD_SECONDS: z.coerce.number().min(1).default(20),
  /** The noisy tenant's alerts per second through the real ingest route and worker, during the window. */
  BENCH_FLOOD_RATE: z.coerce.number().int().min(0).default(200),
  BENCH_FLOOD_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  /** Fetch loops per queue (WORKER_CONCURRENCY); production default 2. */
  BENCH_WORKER_LOOPS: z.coerce.number().int().min(1).default(2),
  /** pg-boss polling (WORKER_POLL_INTERVAL_SECONDS); production default 1. */
  BENCH_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
  /** `dedicated`: the SLA firing queues in a worker process of their own; `shared`: one worker for all. */
  BENCH_TOPOLOGY: z.enum(['dedicated', 'shared']).default('dedicated'),
  /** The dedicated timer worker's fetch loops and polling. */
  BENCH_TIMER_LOOPS: z.coerce.number().int().min(1).default(4),
  BENCH_TIMER_POLL_SECONDS: z.coerce.number().min(0.5).default(0.5),
});
const env = Env.parse(process.env);

type Child = ReturnType<typeof fork>;
function spawn(
  file: string,
  extraEnv: Record<string, string>,
): Promise<{ child: Child; message: Record<string, unknown> }> {
  const child = fork(path.join(here, file), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...extraEnv, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, message: message as Record<string, unknown> }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
}
const stop = (child: Child) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
  });

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const bench = await openBenchDatabase('sla');
  const owner = postgres(bench.url, { max: 5, onnotice: () => {} });
  const { db } = bench.database;
  const children: Child[] = [];
  try {
    const tenantIds: string[] = [];
    for (let i = 0; i < env.BENCH_TENANTS; i++) {
      const id = crypto.randomUUID();
      await db.insert(tenants).values({ id, slug: `sla-${i}-${id.slice(0, 6)}`, name: `SLA bench ${i}` });
      tenantIds.push(id);
    }
    await db
      .insert(msspContacts)
      .values({ kind: 'soc_management', name: 'SOC Lead', email: 'soc@bench.test' });
    const flooder = tenantIds[0] as string;
    const source = await withTenantOn(db, flooder, (tx) =>
      createDataSource(tx, {
        tenantId: flooder,
        name: 'flood',
        ratePerSecond: 100_000,
        rateBurst: 100_000,
        actorUserId: null,
      }),
    );

    // The worker installs pg-boss and its queues; timers are then seeded with their delayed jobs.
    const workerEnv = {
      // tsx applies a tsconfig's JSX settings only to files it includes: the worker's own for its .tsx emails.
      TSX_TSCONFIG_PATH: path.join(here, '..', '..', 'apps', 'worker', 'tsconfig.json'),
      BENCH_SLA_DB: bench.url,
    };
    const dedicated = env.BENCH_TOPOLOGY === 'dedicated';
    const worker = await spawn('sla-worker.ts', {
      ...workerEnv,
      BENCH_WORKER_ROLE: dedicated ? 'rest' : 'all',
      BENCH_WORKER_LOOPS: String(env.BENCH_WORKER_LOOPS),
      BENCH_POLL_SECONDS: String(env.BENCH_POLL_SECONDS),
    });
    children.push(worker.child);
    if (dedicated) {
      const timers = await spawn('sla-worker.ts', {
        ...workerEnv,
        BENCH_WORKER_ROLE: 'timers',
        BENCH_WORKER_LOOPS: String(env.BENCH_TIMER_LOOPS),
        BENCH_POLL_SECONDS: String(env.BENCH_TIMER_POLL_SECONDS),
      });
      children.push(timers.child);
    }
    const server = await spawn('../ingest/http-server.ts', { BENCH_INGEST_DB: bench.url });
    children.push(server.child);

    // 10,000 critical incidents, unassigned, each with its assign clock (the D3 rule: SOC management
    // at the breach) due at evenly spread moments; seeded as reconcile would leave them.
    const seedStart = Date.now();
    // The machine is shared: the 1-minute load average every 5 s, printed with the figures.
    const load: number[] = [];
    const sampleLoad = setInterval(() => load.push(os.loadavg()[0] ?? 0), 5000);
    const firstDue = seedStart + (env.BENCH_LEAD_SECONDS + 10) * 1000;
    const perTenant = Math.ceil(env.BENCH_TIMERS / env.BENCH_TENANTS);
    let made = 0;
    for (const [t, tenantId] of tenantIds.entries()) {
      const count = Math.min(perTenant, env.BENCH_TIMERS - made);
      if (count <= 0) break;
      await withTenantOn(db, tenantId, async (tx) => {
        const rows = Array.from({ length: count }, (_, j) => {
          const k = made + j;
          const due = new Date(firstDue + (k / env.BENCH_TIMERS) * env.BENCH_WINDOW_SECONDS * 1000);
          const started = new Date(due.getTime() - 10 * 60_000);
          return { k, j, due, started, incidentId: crypto.randomUUID(), timerId: crypto.randomUUID() };
        });
        await tx.insert(tenantIncidentSettings).values({ tenantId, lastIncidentNumber: count });
        await tx.insert(incidents).values(
          rows.map((r) => ({
            tenantId,
            id: r.incidentId,
            number: r.j + 1,
            title: `Bench incident ${t}/${r.j}`,
            severity: 'critical' as const,
            priority: 'p1' as const,
            firstAlertAt: r.started,
            lastAlertAt: r.started,
            createdAt: r.started,
          })),
        );
        await tx.insert(slaTimers).values(
          rows.map((r) => ({
            tenantId,
            id: r.timerId,
            incidentId: r.incidentId,
            kind: 'assign' as const,
            severity: 'critical' as const,
            calendar: '24x7' as const,
            targetMinutes: 10,
            startedAt: r.started,
            dueAt: r.due,
            warningFractions: [],
            escalation: [{ timer: 'assign' as const, afterMinutes: 0, notify: ['soc_management' as const] }],
            nextFireAt: r.due,
          })),
        );
        await enqueueMany(
          tx,
          rows.map((r) => slaFiringJob({ tenantId, timerId: r.timerId }, r.due)),
        );
      });
      made += count;
    }
    const seeded = Date.now();
    if (seeded > firstDue) process.stderr.write('warning: seeding ran past the first due moment\n');

    // The noisy neighbour: tenant 0 posts alerts through the ingest route until the window ends.
    const windowEnd = firstDue + env.BENCH_WINDOW_SECONDS * 1000;
    const url = `http://127.0.0.1:${Number(server.message.port)}/api/ingest/v1/alerts`;
    const next = alertStream(0);
    let posted = 0;
    let refused = 0;
    const inflight = new Set<Promise<void>>();
    const floodStart = Date.now();
    const intervalMs = env.BENCH_FLOOD_RATE > 0 ? (1000 * env.BENCH_FLOOD_BATCH) / env.BENCH_FLOOD_RATE : 0;
    for (let r = 0; env.BENCH_FLOOD_RATE > 0 && floodStart + r * intervalMs < windowEnd; r++) {
      const wait = floodStart + r * intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const body = JSON.stringify(Array.from({ length: env.BENCH_FLOOD_BATCH }, () => next()));
      const p = fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${source.apiKey.key}`, 'content-type': 'application/json' },
        body,
      })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status === 202) posted += env.BENCH_FLOOD_BATCH;
          else refused += 1;
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);

    // Every timer fires once: wait for the last, bounded.
    const deadline = Math.max(Date.now(), windowEnd) + 180_000;
    let fired = 0;
    while (Date.now() < deadline) {
      const [row] = await owner<{ n: number }[]>`
        select count(*)::int as n from public.sla_timer_firings where event = 'breach'`;
      fired = row?.n ?? 0;
      if (fired >= made) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    clearInterval(sampleLoad);
    const lateness = (
      await owner<{ ms: number }[]>`
        select (extract(epoch from fired_at - due_at) * 1000)::float8 as ms
          from public.sla_timer_firings where event = 'breach'`
    )
      .map((r) => Math.round(Number(r.ms)))
      .sort((a, b) => a - b);
    const [counts] = await owner<{ emails: number; processed: number; twice: number }[]>`
      select (select count(*)::int from public.outbox where kind like 'sla-%') as emails,
             (select count(*)::int from public.alerts where tenant_id = ${flooder}::uuid and status <> 'received') as processed,
             (select count(*)::int from (select timer_id from public.sla_timer_firings where event = 'breach'
                group by timer_id, round having count(*) > 1) d) as twice`;
    const over2s = lateness.filter((ms) => ms > 2000).length;

    const lines = [
      `# bench:sla (${new Date().toISOString()})`,
      '',
      `PostgreSQL 15 on 127.0.0.1; ${made.toLocaleString('en')} active assign clocks (critical, unassigned: the D3 rule) across ${env.BENCH_TENANTS} tenants, due evenly over ${env.BENCH_WINDOW_SECONDS} s, each with its delayed \`fire-sla-timer\` job (a job fires every due timer of its tenant in one set-based transaction); one tenant floods ${env.BENCH_FLOOD_RATE} alerts/s through the real ingest route (node:http + route handler, own process) and the worker's alert processing meanwhile. Workers: ${
        dedicated
          ? `the SLA firing queues (fire-sla-timer, sweep-sla-timers) in a dedicated process (${env.BENCH_TIMER_LOOPS} fetch loops, polling ${env.BENCH_TIMER_POLL_SECONDS} s), every other queue of the production set in another (${env.BENCH_WORKER_LOOPS} loops, polling ${env.BENCH_POLL_SECONDS} s)`
          : `the production job set in one process (${env.BENCH_WORKER_LOOPS} fetch loops per queue, polling ${env.BENCH_POLL_SECONDS} s)`
      }. 2 cores shared with the other sessions on this machine.`,
      '',
      '| figure | value |',
      '| --- | --- |',
      `| timers fired (breach + at-breach escalation, one firing each) | ${fired} of ${made} |`,
      `| firing lateness (fired_at − due_at) p50 / p99 / max | ${pct(lateness, 50)} / ${pct(lateness, 99)} / ${lateness[lateness.length - 1] ?? 0} ms |`,
      `| firings later than 2 s | ${over2s} (${((over2s / Math.max(1, lateness.length)) * 100).toFixed(2)} %) |`,
      `| timers fired twice | ${counts?.twice ?? 0} |`,
      `| SLA emails queued (outbox) | ${counts?.emails ?? 0} |`,
      `| flood: alerts accepted (202) / requests refused / alerts processed by the end | ${posted} / ${refused} / ${counts?.processed ?? 0} |`,
      `| seeding (incidents, timers, delayed jobs) | ${((seeded - seedStart) / 1000).toFixed(1)} s |`,
      `| machine load average (1 min) during the run min / mean / max (other sessions included) | ${Math.min(...load).toFixed(1)} / ${(load.reduce((a, b) => a + b, 0) / Math.max(1, load.length)).toFixed(1)} / ${Math.max(...load).toFixed(1)} |`,
      '',
      'Target: p99 firing lateness < 2 s.',
    ];
    const report = lines.join('\n');
    process.stdout.write(`${report}\n`);
    const out = path.join(here, '..', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, dedicated ? 'sla.md' : 'sla-shared.md'), `${report}\n`);
  } finally {
    for (const child of children.reverse()) await stop(child);
    await owner.end();
    await bench.drop();
  }
}

await main();
