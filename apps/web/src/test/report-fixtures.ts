import type { Database } from '@palisade/db/client';
import { reportChunks, reports } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { type ReportFixture, seedReportFixture } from '@palisade/worker/reports/seed-report-fixture';
import type { Fixtures } from './trpc-fixtures';
import { createWorkerQueues } from './worker-queues';

export type TenantReports = { incident: ReportFixture; ready: string; queued: string };
export type ReportFixtures = Record<'a' | 'b' | 'c', TenantReports>;

/** A small valid-looking PDF body: the download tests check bytes and headers, not rendering. */
export const FIXTURE_PDF = Buffer.from('%PDF-1.4\n% palisade fixture\n%%EOF\n', 'latin1');

/**
 * Per tenant: an incident, one ready report (with its bytes) and one still queued; written through
 * withTenant without audit entries. Also creates the worker's queues, so procedures that queue
 * reports can enqueue.
 */
export async function seedReportFixtures(fx: Fixtures, database: Database) {
  await createWorkerQueues(database);
  const seed = async (tenantId: string): Promise<TenantReports> => {
    const incident = await seedReportFixture(database.db, {
      tenantId,
      artifactCount: 1,
      analystUserId: fx.analyst.id,
    });
    const ready = crypto.randomUUID();
    const queued = crypto.randomUUID();
    await withTenant(tenantId, async (tx) => {
      const common = {
        tenantId,
        kind: 'incident' as const,
        subject: `incident:${incident.incidentId}`,
        incidentId: incident.incidentId,
      };
      await tx.insert(reports).values([
        {
          ...common,
          id: ready,
          version: 1,
          title: `Report ${incident.reference}`,
          status: 'ready',
          progress: 100,
          byteSize: FIXTURE_PDF.length,
        },
        { ...common, id: queued, version: 2, title: `Report ${incident.reference}`, status: 'queued' },
      ]);
      await tx.insert(reportChunks).values({ tenantId, reportId: ready, seq: 0, data: FIXTURE_PDF });
    });
    return { incident, ready, queued };
  };
  return { a: await seed(fx.a.id), b: await seed(fx.b.id), c: await seed(fx.c.id) };
}
