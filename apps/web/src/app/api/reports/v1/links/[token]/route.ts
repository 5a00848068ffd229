import { verifyReportLink } from '@palisade/db/queries/reports/report-link';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { logger } from '@/server/logger';
import { reportPdfResponse } from '@/server/reports/report-pdf-response';

/**
 * `GET /api/reports/v1/links/:token`: the download link of a report email. The token is the
 * credential (HMAC-signed tenant, report and expiry); an expired one is 410 and points to the portal.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const check = verifyReportLink(atRestKey(), (await params).token, new Date());
  if (!check.ok) {
    const expired = check.reason === 'expired';
    return Response.json(
      {
        error: expired
          ? {
              code: 'LINK_EXPIRED',
              message: 'this download link has expired: sign in to the portal to download the report',
            }
          : { code: 'NOT_FOUND', message: 'no such report link' },
      },
      { status: expired ? 410 : 404, headers: { 'cache-control': 'no-store' } },
    );
  }
  return reportPdfResponse({ ...check.link, log: logger.child({ via: 'report-link' }) });
}
