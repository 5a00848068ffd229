import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { reports, tenants, users } from '@palisade/db/schema';
import { withTenantOn } from '@palisade/db/with-tenant';
import { seedReportFixture } from '@palisade/worker/reports/seed-report-fixture';
import postgres from 'postgres';
import { openBenchDatabase } from '../shared/bench-database';

// `pnpm bench:reports`: time and peak memory of rendering an incident report (3 and 10,000
// artifacts) and a monthly report, each in its own child process (so the peak is that report's).

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const MONTH_INCIDENTS = 120;
const RUNS = 3;

type Sample = {
  ms: number;
  peakRss: number;
  peakHeap: number;
  baselineRss: number;
  bytes: number;
  pages: number;
};

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const bench = await openBenchDatabase('reports');
  const db = bench.database.db;
  try {
    const tenantId = crypto.randomUUID();
    const analystUserId = crypto.randomUUID();
    await db
      .insert(tenants)
      .values({ id: tenantId, slug: `bench-${tenantId.slice(0, 8)}`, name: 'Bench Health' });
    await db.insert(users).values({
      id: analystUserId,
      email: 'analyst@bench.test',
      name: 'Bench Analyst',
      passwordHash: 'x',
      kind: 'staff',
    });
    process.stdout.write('seeding…\n');
    const small = await seedReportFixture(db, { tenantId, artifactCount: 3, analystUserId });
    const large = await seedReportFixture(db, { tenantId, artifactCount: 10_000, analystUserId });
    for (let i = 0; i < MONTH_INCIDENTS; i++) {
      const createdAt = new Date(Date.UTC(2026, 9, 1 + (i % 30), 6 + (i % 12)));
      await seedReportFixture(db, {
        tenantId,
        artifactCount: 5,
        analystUserId,
        createdAt,
        title: `Bench incident ${i}`,
      });
    }
    // Production statistics come from autovacuum, which is off on this machine's PostgreSQL: without
    // them the planner guesses a handful of rows per tenant and picks quadratic joins.
    const pg = postgres(bench.url, { max: 1, onnotice: () => {} });
    await pg`analyze`;
    await pg.end();
    const scenarios = [
      { name: 'incident report, 3 artifacts', incidentId: small.incidentId },
      { name: 'incident report, 10,000 artifacts', incidentId: large.incidentId },
      { name: `monthly report, ${MONTH_INCIDENTS + 2} incidents`, incidentId: null },
    ];
    const rows: string[] = [];
    for (const s of scenarios) {
      const samples: Sample[] = [];
      for (let r = 0; r < RUNS; r++) {
        const reportId = crypto.randomUUID();
        await withTenantOn(db, tenantId, (tx) =>
          tx.insert(reports).values(
            s.incidentId
              ? {
                  tenantId,
                  id: reportId,
                  kind: 'incident',
                  subject: `incident:${s.incidentId}`,
                  version: r + 1,
                  incidentId: s.incidentId,
                  title: s.name,
                }
              : {
                  tenantId,
                  id: reportId,
                  kind: 'periodic',
                  subject: 'periodic:2026-10',
                  version: r + 1,
                  periodStart: new Date('2026-10-01T00:00:00Z'),
                  periodEnd: new Date('2026-11-01T00:00:00Z'),
                  frequency: 'monthly',
                  title: 'Monthly security report 2026-10-01 to 2026-10-31',
                },
          ),
        );
        const { stdout } = await run(
          process.execPath,
          [
            ...process.execArgv,
            path.join(here, 'reports-render-child.ts'),
            JSON.stringify({ url: bench.url, tenantId, reportId }),
          ],
          // tsx applies a tsconfig (here: the automatic JSX runtime) to the files under its folder, so the
          // child runs in the worker's folder, whose .tsx it compiles.
          { maxBuffer: 1024 * 1024, cwd: path.join(here, '..', '..', 'apps', 'worker') },
        );
        samples.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Sample);
      }
      const last = samples.at(-1) as Sample;
      const row = `| ${s.name} | ${(median(samples.map((x) => x.ms)) / 1000).toFixed(1)} s | ${mib(median(samples.map((x) => x.peakRss)))} | ${mib(median(samples.map((x) => x.peakHeap)))} | ${last.pages} | ${(last.bytes / 1024).toFixed(0)} KiB |`;
      process.stdout.write(`${row}\n`);
      rows.push(row);
    }
    const md = [
      '# Report rendering benchmark',
      '',
      `\`pnpm bench:reports\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, PostgreSQL on 127.0.0.1.`,
      `Each report is rendered ${RUNS} times, each time in a fresh child process that loads the data from PostgreSQL, lays`,
      'out the PDF with @react-pdf/renderer and stores it in 256 KiB chunks; medians shown. Peak memory is sampled every 10 ms',
      "with `process.memoryUsage()` inside the child; RSS includes the process's baseline (Node, tsx and the loaded",
      `modules). Load average at the end of the run: ${os.loadavg()[0]?.toFixed(1)} (other work shares this machine).`,
      '',
      '| report | time | peak RSS | peak heap | pages | size |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n');
    await mkdir(path.join(here, '..', 'results'), { recursive: true });
    await writeFile(path.join(here, '..', 'results', 'reports.md'), md);
    process.stdout.write('wrote bench/results/reports.md\n');
  } finally {
    await bench.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
