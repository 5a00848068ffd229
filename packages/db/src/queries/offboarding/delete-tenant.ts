import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { pgErrorCode } from '../../pg-error';
import { rowsOf } from '../../rows';
import { tenants } from '../../schema/index';
import { TenantStateError } from '../tenants/tenant-errors';

export const DeleteTenantInput = z.object({
  tenantId: z.uuid(),
  /** The tenant's slug, typed by the admin: a deletion never happens by a stray click. */
  confirmSlug: z.string().trim(),
});
export type DeleteTenantInput = z.input<typeof DeleteTenantInput>;

/**
 * Deletes a suspended tenant with every row of it (`offboard_delete_tenant`, SECURITY DEFINER,
 * callable only for a tenant of the scope). Returns the rows deleted per table. The audit log goes
 * with the tenant; the caller logs the deletion to the application log.
 */
export async function deleteTenant(tx: Tx, input: DeleteTenantInput) {
  const p = DeleteTenantInput.parse(input);
  const [tenant] = await tx
    .select({ slug: tenants.slug, status: tenants.status })
    .from(tenants)
    .where(eq(tenants.id, p.tenantId));
  if (!tenant) throw new TenantStateError('no such tenant');
  if (p.confirmSlug !== tenant.slug) {
    throw new TenantStateError(`type the tenant's slug (${tenant.slug}) to confirm the deletion`);
  }
  if (tenant.status !== 'suspended') throw new TenantStateError('suspend the tenant before deleting it');
  try {
    const rows = rowsOf<{ table_name: string; deleted: string | number }>(
      await tx.execute(
        sql`select table_name, deleted from public.offboard_delete_tenant(${p.tenantId}::uuid)`,
      ),
    );
    return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.deleted)]));
  } catch (err) {
    if (pgErrorCode(err) === '55000') throw new TenantStateError('suspend the tenant before deleting it');
    throw err;
  }
}
