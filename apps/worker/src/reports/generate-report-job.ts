import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import { GENERATE_REPORT, GenerateReportPayload } from '@palisade/db/jobs/generate-report';
import { completeReport, failReport, setReportProgress } from '@palisade/db/queries/reports/report-store';
import { withTenantOn } from '@palisade/db/with-tenant';
import { loadWorkerEnv } from '../env';
import { defineJob } from '../jobs/define-job';
import { renderReport } from './render-report';
import { queueReportEmail } from './report-email';

/** The web app's public URL for links in emails. */
export function publicUrlFromEnv(): string {
  const env = loadWorkerEnv();
  return env.PALISADE_PUBLIC_URL ?? env.NEXTAUTH_URL ?? 'http://localhost:3000';
}

/**
 * Renders one report. A failed attempt leaves the report `rendering` with the error as its stage
 * while retries remain, and marks it `failed` (visible in the console) after the last one.
 */
export const generateReportJob = defineJob(
  GENERATE_REPORT,
  GenerateReportPayload,
  async (p, { database, log, job }) => {
    const db = database.db;
    try {
      const { report, rendered } = await renderReport({ db, now: () => new Date() }, p);
      if (!rendered) return log.info({ report_id: p.reportId }, 'report already rendered');
      const emailed = await withTenantOn(db, p.tenantId, async (tx) => {
        await completeReport(tx, { reportId: p.reportId, ...rendered });
        if (!report.emailRecipients) return 0;
        return queueReportEmail(
          tx,
          { secretKey: secretKeyFromEnv(), publicUrl: publicUrlFromEnv(), now: new Date() },
          report,
        );
      });
      log.info(
        { report_id: p.reportId, bytes: rendered.byteSize, pages: rendered.pageCount, emailed },
        'report rendered',
      );
      return { bytes: rendered.byteSize, pages: rendered.pageCount, emailed };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = job.retryCount >= job.retryLimit;
      await withTenantOn(db, p.tenantId, (tx) =>
        last
          ? failReport(tx, { reportId: p.reportId, error: message })
          : setReportProgress(tx, {
              reportId: p.reportId,
              progress: 0,
              stage: `retrying after an error: ${message}`,
            }),
      );
      throw err;
    }
  },
  // One render at a time per loop: a 10,000-artifact report takes a while and most of a core.
  { retryLimit: 2, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 1800, batchSize: 1 },
);
