/**
 * pnpm bench:playbooks — a ten-step playbook on real PostgreSQL through the real executor and pg-boss:
 * 1. inline: pure steps run inside the advancing transaction (the default for var.set / ioc.extract);
 * 2. jobs: every step is its own run-step job (what any I/O action costs);
 * 3. fairness: a noisy tenant floods job-mode runs while a quiet tenant's run latency is measured, with the
 *    per-tenant step limit and, for comparison, with the limit effectively off.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@palisade/db/client';
import { tenants } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import { playbookJobsFor } from '@palisade/worker/jobs/playbook-jobs';
import { createExecutor, type Executor } from '@palisade/worker/playbooks/executor';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';
import { startRun } from '@palisade/worker/playbooks/start-run';
import { startWorker } from '@palisade/worker/start-worker';
import { pino } from 'pino';
import { z } from 'zod';
import { openBenchDatabase } from '../shared/bench-database';

const here = path.dirname(fileURLToPath(import.meta.url));
const Env = z.object({
  BENCH_INLINE_RUNS: z.coerce.number().int().min(1).default(2000),
  BENCH_JOB_RUNS: z.coerce.number().int().min(1).default(200),
  BENCH_PARALLEL: z.coerce.number().int().min(1).default(8),
  BENCH_WORKER_LOOPS: z.coerce.number().int().min(1).default(4),
  BENCH_FLOOD_RUNS: z.coerce.number().int().min(1).default(300),
  BENCH_QUIET_RUNS: z.coerce.number().int().min(1).default(20),
  BENCH_TENANT_LIMIT: z.coerce.number().int().min(1).default(8),
});
const env = Env.parse(process.env);
const log = pino({ level: 'warn' });

const TEN_STEPS = `id: ten-steps
name: Ten steps
version: 1
trigger: { type: manual }
steps:
${Array.from({ length: 10 }, (_, i) =>
  i === 0
    ? '  - id: s1\n    uses: var.set\n    with: { value: 1 }'
    : `  - id: s${i + 1}\n    needs: s${i}\n    uses: var.set\n    with:\n      value: \${{ steps.s${i}.output.value + 1 }}`,
).join('\n')}
`;

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function pool<T>(n: number, parallel: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function addTenant(db: Db, slug: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(tenants).values({ id, slug, name: slug });
  return id;
}

async function save(db: Db, tenantId: string): Promise<string> {
  const r = await withTenantOn(db, tenantId, (tx) =>
    savePlaybook(tx, { tenantId, source: TEN_STEPS, createdBy: null }),
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.playbookId;
}

async function start(db: Db, ex: Executor, tenantId: string, playbookId: string): Promise<string> {
  const r = await withTenantOn(db, tenantId, (tx) =>
    startRun(tx, ex, { tenantId, playbookId, trigger: 'manual' }),
  );
  if (!r.ok) throw new Error('run did not start');
  return r.runId;
}

type Finished = { id: string; started_at: Date | string; finished_at: Date | string; status: string };
const took = (r: Finished) => new Date(r.finished_at).getTime() - new Date(r.started_at).getTime();
async function waitAll(
  db: { query<T>(q: string, p: unknown[]): Promise<T[]> },
  ids: string[],
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.query<Finished>(
      `select id, started_at, finished_at, status::text from playbook_runs where id = any($1::uuid[]) and status <> 'running'`,
      [ids],
    );
    if (rows.length === ids.length) return rows;
    if (Date.now() > deadline)
      throw new Error(`${ids.length - rows.length} of ${ids.length} runs still running`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const { database, drop } = await openBenchDatabase('playbooks');
  if (database.kind !== 'postgres') throw new Error('bench runs on PostgreSQL');
  const raw = database.client;
  const q = {
    query: async <T>(text: string, params: unknown[]) =>
      (await raw.unsafe(text, params as never[])) as unknown as T[],
  };
  const db = database.db;
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    const tenantA = await addTenant(db, 'bench-a');
    const noisy = await addTenant(db, 'bench-noisy');
    const quiet = await addTenant(db, 'bench-quiet');
    const pbA = await save(db, tenantA);
    const pbNoisy = await save(db, noisy);
    const pbQuiet = await save(db, quiet);

    // 1. Inline: the whole ten-step run plans, executes and persists inside its starting transaction.
    const inline = createExecutor(log, { inlinePureActions: true });
    const warm = await start(db, inline, tenantA, pbA);
    await waitAll(q, [warm], 10_000);
    const perRun: number[] = [];
    const t0 = performance.now();
    const ids = await pool(env.BENCH_INLINE_RUNS, env.BENCH_PARALLEL, async () => {
      const s = performance.now();
      const id = await start(db, inline, tenantA, pbA);
      perRun.push(performance.now() - s);
      return id;
    });
    const inlineSeconds = (performance.now() - t0) / 1000;
    const done = await waitAll(q, ids, 10_000);
    if (done.some((r) => r.status !== 'succeeded')) throw new Error('an inline run did not succeed');
    say(
      `Load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (the machine is shared).`,
    );
    say('');
    say(`## Inline pure steps (${env.BENCH_INLINE_RUNS} ten-step runs, ${env.BENCH_PARALLEL} in parallel)`);
    say(
      `- throughput: ${(env.BENCH_INLINE_RUNS / inlineSeconds).toFixed(0)} runs/s (${((env.BENCH_INLINE_RUNS * 10) / inlineSeconds).toFixed(0)} steps/s)`,
    );
    say(
      `- per run (start → succeeded, one transaction): p50 ${ms(pct(perRun, 50))}, p99 ${ms(pct(perRun, 99))}`,
    );
    say(
      `- engine overhead per step (run time / 10): p50 ${ms(pct(perRun, 50) / 10)}, p99 ${ms(pct(perRun, 99) / 10)}`,
    );

    // 2. Jobs: each step is a run-step job through pg-boss.
    const jobsEx = createExecutor(log, { inlinePureActions: false, tenantStepLimit: 100_000 });
    const worker = await startWorker({
      database,
      logger: log,
      port: 0,
      concurrency: env.BENCH_WORKER_LOOPS,
      jobs: playbookJobsFor(jobsEx),
      boss: { pollingIntervalSeconds: 0.5 },
    });
    try {
      const t1 = performance.now();
      const jobIds = await pool(env.BENCH_JOB_RUNS, env.BENCH_PARALLEL, () =>
        start(db, jobsEx, tenantA, pbA),
      );
      const jobDone = await waitAll(q, jobIds, 300_000);
      const jobSeconds = (performance.now() - t1) / 1000;
      if (jobDone.some((r) => r.status !== 'succeeded')) throw new Error('a job-mode run did not succeed');
      const latency = jobDone.map(took);
      const steps = await q.query<{ wait: number; work: number }>(
        `select extract(epoch from (started_at - queued_at)) * 1000 as wait,
                extract(epoch from (finished_at - started_at)) * 1000 as work
           from playbook_step_runs where run_id = any($1::uuid[])`,
        [jobIds],
      );
      say('');
      say(
        `## Every step a pg-boss job (${env.BENCH_JOB_RUNS} ten-step runs, ${env.BENCH_WORKER_LOOPS} fetch loops, poll 0.5 s)`,
      );
      say(
        `- throughput: ${(env.BENCH_JOB_RUNS / jobSeconds).toFixed(1)} runs/s (${((env.BENCH_JOB_RUNS * 10) / jobSeconds).toFixed(0)} steps/s)`,
      );
      say(`- run latency: p50 ${ms(pct(latency, 50))}, p99 ${ms(pct(latency, 99))}`);
      say(
        `- per step, queue wait (queued → picked up): p50 ${ms(
          pct(
            steps.map((s) => Number(s.wait)),
            50,
          ),
        )}, p99 ${ms(
          pct(
            steps.map((s) => Number(s.wait)),
            99,
          ),
        )}`,
      );
      say(
        `- per step, engine work (picked up → result persisted, next step enqueued): p50 ${ms(
          pct(
            steps.map((s) => Number(s.work)),
            50,
          ),
        )}, p99 ${ms(
          pct(
            steps.map((s) => Number(s.work)),
            99,
          ),
        )}`,
      );
    } finally {
      await worker.stop();
    }

    // 3. Fairness: quiet tenant's latency alone, then under a noisy tenant's flood, with and without the limit.
    for (const [label, limit] of [
      [`per-tenant step limit ${env.BENCH_TENANT_LIMIT}`, env.BENCH_TENANT_LIMIT],
      ['no effective limit', 100_000],
    ] as const) {
      const ex = createExecutor(log, { inlinePureActions: false, tenantStepLimit: limit });
      const w = await startWorker({
        database,
        logger: log,
        port: 0,
        concurrency: env.BENCH_WORKER_LOOPS,
        jobs: playbookJobsFor(ex),
        boss: { pollingIntervalSeconds: 0.5 },
      });
      try {
        const quietRuns = async () => {
          const lat: number[] = [];
          for (let i = 0; i < env.BENCH_QUIET_RUNS; i++) {
            const id = await start(db, ex, quiet, pbQuiet);
            const [r] = await waitAll(q, [id], 120_000);
            if (r) lat.push(took(r));
          }
          return lat;
        };
        const baseline = await quietRuns();
        const flood = await pool(env.BENCH_FLOOD_RUNS, env.BENCH_PARALLEL, () =>
          start(db, ex, noisy, pbNoisy),
        );
        const loaded = await quietRuns();
        const backlog = await q.query<{ n: number }>(
          `select count(*)::int as n from playbook_runs where id = any($1::uuid[]) and status = 'running'`,
          [flood],
        );
        await waitAll(q, flood, 600_000);
        say('');
        say(
          `## Fairness, ${label} (${env.BENCH_FLOOD_RUNS} noisy runs flooding, ${env.BENCH_QUIET_RUNS} quiet runs each)`,
        );
        say(`- quiet tenant alone: p50 ${ms(pct(baseline, 50))}, p99 ${ms(pct(baseline, 99))}`);
        say(
          `- quiet tenant during the flood: p50 ${ms(pct(loaded, 50))}, p99 ${ms(pct(loaded, 99))} (${(pct(loaded, 99) / pct(baseline, 99)).toFixed(2)}× baseline p99)`,
        );
        say(
          `- noisy runs still running when the quiet runs were done: ${backlog[0]?.n ?? 0} of ${env.BENCH_FLOOD_RUNS}`,
        );
      } finally {
        await w.stop();
      }
    }
  } finally {
    await drop();
  }
  const out = path.join(here, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'playbooks.md'),
    `# bench:playbooks\n\nPostgreSQL 15, 2 shared cores, ${new Date().toISOString().slice(0, 10)}. Ten chained var.set steps.\n\n${lines.join('\n')}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
