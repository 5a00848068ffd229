import { z } from 'zod';
import { reportError, reportPdfResponse } from '@/server/reports/report-pdf-response';
import { createContext } from '@/server/trpc/context';

/**
 * `GET /api/reports/v1/tenants/:tenantId/reports/:reportId/pdf`: a signed-in user whose scope holds
 * the tenant (its client users, assigned analysts, MSSP admins). Anything else is 404, so report and
 * tenant ids of others cannot be probed.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ tenantId: string; reportId: string }> },
) {
  const { actor, log } = await createContext({ headers: req.headers });
  if (!actor)
    return Response.json({ error: { code: 'UNAUTHORIZED', message: 'sign in first' } }, { status: 401 });
  const ids = z.object({ tenantId: z.uuid(), reportId: z.uuid() }).safeParse(await params);
  if (!ids.success || !actor.tenantIds.includes(ids.data.tenantId)) return reportError.notFound();
  return reportPdfResponse({ ...ids.data, log });
}
