import { NotFoundError } from '@palisade/db/errors';
import { getReport, readReportChunk } from '@palisade/db/queries/reports/report-store';
import { withTenant } from '@palisade/db/with-tenant';
import type { Logger } from 'pino';

const json = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });

export const reportError = {
  notFound: () => json(404, 'NOT_FOUND', 'no such report'),
  notReady: (status: string) => json(409, 'REPORT_NOT_READY', `the report is ${status}, not ready yet`),
};

/** `acme-health-inc-000123-v2.pdf`: ASCII only, so the header needs no encoding. */
function fileName(title: string, version: number): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug || 'report'}-v${version}.pdf`;
}

/**
 * A stored report as a PDF download. The caller has already decided the tenant may be read (session
 * scope or a signed link); RLS (withTenant) still filters every read. Chunks are read one per short
 * transaction while the response streams, so a large report holds neither a transaction nor its
 * whole file in memory.
 */
export async function reportPdfResponse(input: {
  tenantId: string;
  reportId: string;
  log: Logger;
}): Promise<Response> {
  const { tenantId, reportId } = input;
  let report: Awaited<ReturnType<typeof getReport>>;
  try {
    report = await withTenant(tenantId, (tx) => getReport(tx, reportId));
  } catch (err) {
    if (err instanceof NotFoundError) return reportError.notFound();
    throw err;
  }
  if (report.status !== 'ready') return reportError.notReady(report.status);
  let after = -1;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const seq = after;
        const chunk = await withTenant(tenantId, (tx) => readReportChunk(tx, { reportId, afterSeq: seq }));
        if (!chunk) return controller.close();
        after = chunk.seq;
        controller.enqueue(new Uint8Array(chunk.data));
      } catch (err) {
        input.log.error({ err, tenant_id: tenantId, report_id: reportId }, 'report download failed');
        controller.error(err);
      }
    },
  });
  input.log.info({ tenant_id: tenantId, report_id: reportId, bytes: report.byteSize }, 'report downloaded');
  return new Response(body, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${fileName(report.title, report.version)}"`,
      ...(report.byteSize ? { 'content-length': String(report.byteSize) } : {}),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
