import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataSource } from '@palisade/db/queries/data-sources/create-data-source';
import { tenants } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import postgres from 'postgres';
import { z } from 'zod';
import { openBenchDatabase } from '../shared/bench-database';
import { alertStream } from './alert-generator';
import { bareSqlCeiling } from './bare-sql-ceiling';

const here = path.dirname(fileURLToPath(import.meta.url));
const Env = z.object({
  BENCH_TENANTS: z.coerce.number().int().min(1).default(8),
  /** Offered load, alerts per second (open loop: requests leave on schedule, not when the last one returns). */
  BENCH_RATE: z.coerce.number().int().min(1).default(1200),
  BENCH_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  BENCH_SECONDS: z.coerce.number().min(1).max(300).default(20),
  BENCH_WORKER_LOOPS: z.coerce.number().int().min(1).default(8),
  BENCH_CEILING_SECONDS: z.coerce.number().min(1).max(120).default(10),
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

/** CPU seconds a child process has used (it answers the 'cpu' message). */
const cpuOf = (child: Child) =>
  new Promise<number>((resolve) => {
    const onMessage = (m: unknown) => {
      const cpu = (m as { cpu?: { user: number; system: number } }).cpu;
      if (!cpu) return;
      child.off('message', onMessage);
      resolve((cpu.user + cpu.system) / 1e6);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });

/** CPU seconds of this database's server backends (Linux /proc; backends of the pools live through the run). */
async function backendCpu(sql: postgres.Sql, database: string): Promise<Map<number, number>> {
  const pids = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database}`;
  const out = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The backend ended in between.
    }
  }
  return out;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const bench = await openBenchDatabase('ingest');
  const owner = postgres(bench.url, { max: 20, onnotice: () => {} });
  try {
    // Tenants and data sources (generous rate limits: the bench measures the pipeline, not the limiter).
    const seeded: { id: string; dataSourceId: string; key: string }[] = [];
    for (let i = 0; i < env.BENCH_TENANTS * 2; i++) {
      const id = crypto.randomUUID();
      await bench.database.db
        .insert(tenants)
        .values({ id, slug: `bench-${i}-${id.slice(0, 6)}`, name: `Bench ${i}` });
      const created = await withTenantOn(bench.database.db, id, (tx) =>
        createDataSource(tx, {
          tenantId: id,
          name: 'bench',
          ratePerSecond: 100_000,
          rateBurst: 100_000,
          actorUserId: null,
        }),
      );
      seeded.push({ id, dataSourceId: created.dataSource.id, key: created.apiKey.key });
    }
    const pipelineTenants = seeded.slice(0, env.BENCH_TENANTS);
    const ceilingTenants = seeded.slice(env.BENCH_TENANTS);

    const worker = await spawn('worker-process.ts', {
      BENCH_INGEST_DB: bench.url,
      BENCH_WORKER_LOOPS: String(env.BENCH_WORKER_LOOPS),
    });
    const server = await spawn('http-server.ts', { BENCH_INGEST_DB: bench.url });
    const url = `http://127.0.0.1:${Number(server.message.port)}/api/ingest/v1/alerts`;

    const streams = pipelineTenants.map((_, i) => alertStream(i));
    const sent: { at: number; ids: string[] }[] = [];
    const post = async (tenant: number) => {
      const t = pipelineTenants[tenant] as (typeof pipelineTenants)[number];
      const next = streams[tenant] as () => Record<string, unknown>;
      const body = JSON.stringify(Array.from({ length: env.BENCH_BATCH }, () => next()));
      const at = Date.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
        body,
      });
      const json = (await res.json()) as { items?: { status: string; alertId?: string }[] };
      if (res.status !== 202)
        throw new Error(`POST answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
      sent.push({ at, ids: (json.items ?? []).flatMap((i) => (i.alertId ? [i.alertId] : [])) });
      return Date.now() - at;
    };

    // Warm-up (JIT, connections, first incidents), not measured.
    await Promise.all(pipelineTenants.map((_, i) => post(i)));
    await waitDrained(owner, 30_000);
    sent.length = 0;
    const dbName = new URL(bench.url).pathname.slice(1);
    const cpuBefore = {
      worker: await cpuOf(worker.child),
      server: await cpuOf(server.child),
      pg: await backendCpu(owner, dbName),
    };

    const requestsPerSecond = env.BENCH_RATE / env.BENCH_BATCH;
    const intervalMs = 1000 / requestsPerSecond;
    const total = Math.round(env.BENCH_SECONDS * requestsPerSecond);
    const postTimes: number[] = [];
    const inflight: Promise<void>[] = [];
    const t0 = Date.now();
    for (let r = 0; r < total; r++) {
      const due = t0 + r * intervalMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inflight.push(post(r % pipelineTenants.length).then((ms) => void postTimes.push(ms)));
    }
    await Promise.all(inflight);
    const offeredEnd = Date.now();
    const drained = await waitDrained(owner, 120_000);
    const pgAfter = await backendCpu(owner, dbName);
    let pgCpu = 0;
    for (const [pid, seconds] of pgAfter) pgCpu += seconds - (cpuBefore.pg.get(pid) ?? 0);
    const cpu = {
      worker: (await cpuOf(worker.child)) - cpuBefore.worker,
      server: (await cpuOf(server.child)) - cpuBefore.server,
      pg: pgCpu,
    };

    const ids = sent.flatMap((s) => s.ids);
    const sentAt = new Map<string, number>();
    for (const s of sent) for (const id of s.ids) sentAt.set(id, s.at);
    const rows = await owner<{ id: string; done: string; incident: string | null; arts: number }[]>`
      select a.id::text as id, (extract(epoch from a.processed_at) * 1000)::float8::text as done,
             a.incident_id::text as incident,
             (select count(*)::int from public.alert_artifacts aa where aa.tenant_id = a.tenant_id and aa.alert_id = a.id) as arts
        from public.alerts a where a.id = any (${`{${ids.join(',')}}`}::uuid[])`;
    const complete = rows.filter((r) => r.done && r.incident && r.arts > 0);
    const latencies = complete
      .map((r) => Math.round(Number(r.done) - (sentAt.get(r.id) ?? 0)))
      .sort((x, y) => x - y);
    const lastDone = Math.max(...complete.map((r) => Number(r.done)));
    const sustained = complete.length / ((lastDone - t0) / 1000);
    const posts = [...postTimes].sort((x, y) => x - y);

    await stop(server.child);
    await stop(worker.child);

    const perAlert = await bareSqlCeiling(owner, ceilingTenants, {
      seconds: env.BENCH_CEILING_SECONDS,
      clients: env.BENCH_TENANTS,
      perTransaction: 1,
    });
    // Batched like the pipeline (one request's alerts per transaction): the stricter ceiling.
    const ceiling = await bareSqlCeiling(owner, ceilingTenants, {
      seconds: env.BENCH_CEILING_SECONDS,
      clients: env.BENCH_TENANTS,
      perTransaction: env.BENCH_BATCH,
    });

    const perK = (seconds: number) => ((seconds / complete.length) * 1000).toFixed(2);
    const lines = [
      `# bench:ingest (${new Date().toISOString()})`,
      '',
      `PostgreSQL 15 on 127.0.0.1, ${env.BENCH_TENANTS} tenants posting concurrently over HTTP (node:http + the route handler, one process), worker in its own process (${env.BENCH_WORKER_LOOPS} fetch loops, pg-boss polling 0.5 s), load generator in a third; 2 cores shared by all.`,
      `Offered: ${env.BENCH_RATE} alerts/s as ${requestsPerSecond.toFixed(1)} requests/s of ${env.BENCH_BATCH} alerts for ${env.BENCH_SECONDS} s (open loop).`,
      '',
      '| figure | value |',
      '| --- | --- |',
      `| alerts accepted (202) | ${ids.length} |`,
      `| alerts processed into an incident with artifacts | ${complete.length}${drained ? '' : ' (backlog not drained within 120 s)'} |`,
      `| sustained alerts/s, first POST → last alert in its incident | ${sustained.toFixed(0)} |`,
      `| latency POST → incident-with-artifacts p50 / p99 / max | ${pct(latencies, 50)} / ${pct(latencies, 99)} / ${latencies[latencies.length - 1] ?? 0} ms |`,
      `| POST round trip (${env.BENCH_BATCH} alerts) p50 / p99 | ${pct(posts, 50)} / ${pct(posts, 99)} ms |`,
      `| offered window / drain after it | ${((offeredEnd - t0) / 1000).toFixed(1)} s / ${((lastDone - offeredEnd) / 1000).toFixed(1)} s |`,
      `| bare-SQL, a transaction per alert (insert alert, upsert 5 artifacts, insert incident; ${env.BENCH_TENANTS} connections) | ${perAlert.perSecond.toFixed(0)} alerts/s |`,
      `| bare-SQL ceiling, the same SQL batched ${env.BENCH_BATCH} alerts per transaction | ${ceiling.perSecond.toFixed(0)} alerts/s |`,
      `| pipeline / batched ceiling (/ per-alert) | ${((sustained / ceiling.perSecond) * 100).toFixed(0)} % (${((sustained / perAlert.perSecond) * 100).toFixed(0)} %) |`,
      `| CPU seconds per 1,000 alerts: web / worker / PostgreSQL (incl. the bench's own queries) | ${perK(cpu.server)} / ${perK(cpu.worker)} / ${perK(cpu.pg)} |`,
      `| throughput 2 idle cores would allow at that cost | ${(2000 / (Number(perK(cpu.server)) + Number(perK(cpu.worker)) + Number(perK(cpu.pg)))).toFixed(0)} alerts/s |`,
      `| machine load average during the run (other sessions included) | ${os.loadavg()[0]?.toFixed(1)} |`,
      '',
      `Targets: ≥ 1,000 alerts/s sustained, p99 < 1 s, ≥ 40 % of the ceiling.`,
    ];
    const report = lines.join('\n');
    process.stdout.write(`${report}\n`);
    const out = path.join(here, '..', 'results');
    mkdirSync(out, { recursive: true });
    // The default run is the headline; other offered rates are kept beside it.
    const file =
      env.BENCH_RATE === Env.shape.BENCH_RATE.parse(undefined) ? 'ingest.md' : `ingest-${env.BENCH_RATE}.md`;
    writeFileSync(path.join(out, file), `${report}\n`);
  } finally {
    await owner.end();
    await bench.drop();
  }
}

async function waitDrained(sql: postgres.Sql, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.alerts where status = 'received'`;
    if (row?.n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

await main();
