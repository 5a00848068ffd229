import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ListIncidentsInput, listIncidents } from '@palisade/db/queries/incidents/list-incidents';
import { withTenantOn } from '@palisade/db/with-tenant';
import postgres from 'postgres';
import { z } from 'zod';
import { openBenchDatabase } from '../shared/bench-database';
import { seedQueue } from './queue-pagination-seed';

const here = path.dirname(fileURLToPath(import.meta.url));
const Env = z.object({
  BENCH_ALERTS: z.coerce.number().int().min(1000).default(1_000_000),
  /** Alerts per incident on average (grouping): 1M alerts → 200k incidents by default. */
  BENCH_ALERTS_PER_INCIDENT: z.coerce.number().int().min(1).default(5),
  BENCH_REPEAT: z.coerce.number().int().min(3).default(30),
  BENCH_PAGE: z.coerce.number().int().min(1).max(200).default(50),
});
const env = Env.parse(process.env);

type Timing = { name: string; p50: number; p95: number; max: number; rows: number };

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

/** The queue's cursor format (list-incidents.ts): base64url JSON of the sort value's text and the id. */
const cursorAt = (v: string, id: string) =>
  Buffer.from(JSON.stringify({ v, id }), 'utf8').toString('base64url');

async function main() {
  const bench = await openBenchDatabase('queue');
  const { db } = bench.database;
  const pg = postgres(bench.url, { max: 1, onnotice: () => {} });
  try {
    const started = performance.now();
    const seeded = await seedQueue(pg, {
      alerts: env.BENCH_ALERTS,
      alertsPerIncident: env.BENCH_ALERTS_PER_INCIDENT,
    });
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(
      `seeded ${seeded.alerts.toLocaleString('en')} alerts, ${seeded.incidents.toLocaleString('en')} incidents in one tenant (${seedSeconds.toFixed(1)} s)`,
    );

    // Cursors as a reader paging that far would hold them (found once here with OFFSET, not timed).
    const rowAt = async (offset: number) => {
      const [row] = await pg<{ v: string; id: string }[]>`
        select last_alert_at::text as v, id::text as id from public.incidents
         where tenant_id = ${seeded.tenantId}::uuid
         order by last_alert_at desc, id desc offset ${offset} limit 1`;
      if (!row) throw new Error(`no incident at offset ${offset}`);
      return row;
    };
    const deepest = Math.floor(seeded.incidents * 0.9);
    const deep = await rowAt(deepest);
    const middle = await rowAt(Math.floor(seeded.incidents / 2));

    const scenarios: { name: string; input: ListIncidentsInput }[] = [
      { name: 'first page (newest first)', input: {} },
      {
        name: `keyset page at row ${Math.floor(seeded.incidents / 2).toLocaleString('en')}`,
        input: { cursor: cursorAt(middle.v, middle.id) },
      },
      {
        name: `keyset page at row ${deepest.toLocaleString('en')} (90% deep)`,
        input: { cursor: cursorAt(deep.v, deep.id) },
      },
      {
        name: 'filtered: status new/assigned + severity high',
        input: { status: ['new', 'assigned'], severity: ['high'] },
      },
      {
        name: 'filtered + deep: status new, 90% deep',
        input: { status: ['new'], cursor: cursorAt(deep.v, deep.id) },
      },
      {
        name: 'filtered: unassigned, last 24 h',
        input: { assigneeUserId: 'unassigned', from: new Date(Date.now() - 86_400_000) },
      },
      { name: 'full-text search on title', input: { search: 'ransomware' } },
      { name: 'exact artifact value search', input: { search: seeded.sampleArtifact } },
    ];

    const timings: Timing[] = [];
    for (const s of scenarios) {
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < env.BENCH_REPEAT; i++) {
        const t0 = performance.now();
        // As the console does: inside the tenant's scope (RLS on), one page plus the peek row.
        const page = await withTenantOn(db, seeded.tenantId, (tx) =>
          listIncidents(tx, { ...s.input, limit: env.BENCH_PAGE }),
        );
        samples.push(performance.now() - t0);
        rows = page.items.length;
      }
      samples.sort((x, y) => x - y);
      timings.push({
        name: s.name,
        p50: quantile(samples, 0.5),
        p95: quantile(samples, 0.95),
        max: samples.at(-1) as number,
        rows,
      });
    }

    const lines = [
      `# bench:queue — incident queue pagination at ${seeded.alerts.toLocaleString('en')} alerts`,
      '',
      `PostgreSQL ${seeded.serverVersion}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), shared with other work; one tenant with ${seeded.alerts.toLocaleString('en')} alerts grouped into ${seeded.incidents.toLocaleString('en')} incidents, ${seeded.artifacts.toLocaleString('en')} artifacts; page size ${env.BENCH_PAGE}; ${env.BENCH_REPEAT} runs per query, each a full withTenant transaction (RLS on) as the console runs it. Seeding took ${seedSeconds.toFixed(1)} s.`,
      '',
      '| query | p50 ms | p95 ms | max ms | rows |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...timings.map(
        (t) => `| ${t.name} | ${t.p50.toFixed(2)} | ${t.p95.toFixed(2)} | ${t.max.toFixed(2)} | ${t.rows} |`,
      ),
      '',
    ];
    const report = lines.join('\n');
    console.log(`\n${report}`);
    mkdirSync(path.join(here, '..', 'results'), { recursive: true });
    writeFileSync(path.join(here, '..', 'results', 'queue-pagination.md'), report);
  } finally {
    await pg.end();
    await bench.drop();
  }
}

await main();
