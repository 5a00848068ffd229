import { NotFoundError } from '@palisade/db/errors';
import { getBranding } from '@palisade/db/queries/branding/get-branding';
import { withTenant } from '@palisade/db/with-tenant';
import { z } from 'zod';
import { logoResponse } from '@/server/reports/logo-response';
import { createContext } from '@/server/trpc/context';

/** `GET /api/branding/v1/tenants/:tenantId/logo`: the tenant's logo, for users whose scope holds it. */
export async function GET(req: Request, { params }: { params: Promise<{ tenantId: string }> }) {
  const { actor } = await createContext({ headers: req.headers });
  if (!actor) return new Response(null, { status: 401 });
  const tenantId = z.uuid().safeParse((await params).tenantId);
  if (!tenantId.success || !actor.tenantIds.includes(tenantId.data)) return logoResponse(null);
  try {
    return logoResponse((await withTenant(tenantId.data, (tx) => getBranding(tx, tenantId.data))).logo);
  } catch (err) {
    if (err instanceof NotFoundError) return logoResponse(null);
    throw err;
  }
}
