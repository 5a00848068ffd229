import { getMsspBranding } from '@palisade/db/queries/branding/get-branding';
import { withTenant } from '@palisade/db/with-tenant';
import { logoResponse } from '@/server/reports/logo-response';
import { createContext } from '@/server/trpc/context';

/** `GET /api/branding/v1/mssp/logo`: the MSSP's logo, for any signed-in user with a tenant scope. */
export async function GET(req: Request) {
  const { actor } = await createContext({ headers: req.headers });
  if (!actor || actor.tenantIds.length === 0) return new Response(null, { status: 401 });
  return logoResponse((await withTenant(actor.tenantIds, (tx) => getMsspBranding(tx))).logo);
}
