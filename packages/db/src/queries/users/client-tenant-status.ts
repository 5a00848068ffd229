import { sql } from 'drizzle-orm';
import { getDatabase } from '../../client';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';

/**
 * The tenant of an active client user, with its status, through `auth_client_tenant_status`
 * (SECURITY DEFINER): the portal tells a suspended tenant's users why they cannot get in.
 */
export async function clientTenantStatus(
  userId: string,
  options: { db?: Db } = {},
): Promise<{ tenantName: string; status: 'active' | 'suspended' } | null> {
  const db = options.db ?? (await getDatabase()).db;
  const [row] = rowsOf<{ tenant_name: string; status: 'active' | 'suspended' }>(
    await db.execute(sql`select tenant_name, status from public.auth_client_tenant_status(${userId}::uuid)`),
  );
  return row ? { tenantName: row.tenant_name, status: row.status } : null;
}
