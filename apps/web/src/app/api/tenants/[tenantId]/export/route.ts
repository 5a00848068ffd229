import { recordAudit } from '@palisade/db/audit';
import { exportTenantData } from '@palisade/db/queries/offboarding/export-tenant-data';
import { withTenant } from '@palisade/db/with-tenant';
import { z } from 'zod';
import { clientIp } from '@/server/auth/client-ip';
import { buildTenantExport } from '@/server/offboarding/build-tenant-export';
import { createContext } from '@/server/trpc/context';

/**
 * `GET /api/tenants/:tenantId/export`: the tenant's whole data as a zip, for MSSP admins. The read
 * and the audit entry share one transaction; the zip is built after it closes.
 */
export async function GET(req: Request, { params }: { params: Promise<{ tenantId: string }> }) {
  const { actor, log } = await createContext({ headers: req.headers });
  if (!actor) return Response.json({ error: 'sign in first' }, { status: 401 });
  if (actor.role !== 'mssp_admin') return Response.json({ error: 'MSSP admins only' }, { status: 403 });
  const tenantId = z.uuid().safeParse((await params).tenantId);
  if (!tenantId.success || !actor.tenantIds.includes(tenantId.data)) {
    return Response.json({ error: 'no such tenant' }, { status: 404 });
  }
  const exportedAt = new Date();
  const data = await withTenant(tenantId.data, async (tx) => {
    const all = await exportTenantData(tx, tenantId.data);
    await recordAudit(tx, {
      tenantId: tenantId.data,
      actorUserId: actor.userId,
      action: 'tenant.exported',
      target: `tenant:${tenantId.data}`,
      after: { tables: Object.keys(all.tables).length },
      ip: clientIp(Object.fromEntries(req.headers)),
    });
    return all;
  });
  const zip = buildTenantExport(data, exportedAt);
  log.info({ tenant_id: tenantId.data, bytes: zip.byteLength }, 'tenant exported');
  const name = `${data.tenant.slug}-export-${exportedAt.toISOString().slice(0, 10)}.zip`;
  return new Response(Buffer.from(zip), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
