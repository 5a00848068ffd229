import { openPostgres } from '@palisade/db/database';
import { completeReport } from '@palisade/db/queries/reports/report-store';
import { withTenantOn } from '@palisade/db/with-tenant';
import { renderReport } from '@palisade/worker/reports/render-report';
import { z } from 'zod';

// One report rendered in a fresh process, so its peak memory is its own. Prints one JSON line.
const Args = z.object({ url: z.string().min(1), tenantId: z.uuid(), reportId: z.uuid() });

async function main() {
  const args = Args.parse(JSON.parse(process.argv[2] ?? '{}'));
  const database = openPostgres({ url: args.url, max: 2 });
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const started = performance.now();
  const { rendered } = await renderReport({ db: database.db, now: () => new Date() }, args);
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  if (!rendered) throw new Error('report was already rendered');
  await withTenantOn(database.db, args.tenantId, (tx) =>
    completeReport(tx, { reportId: args.reportId, ...rendered }),
  );
  await database.close();
  process.stdout.write(
    `${JSON.stringify({ ms, peakRss, peakHeap, baselineRss: baseline.rss, bytes: rendered.byteSize, pages: rendered.pageCount })}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
