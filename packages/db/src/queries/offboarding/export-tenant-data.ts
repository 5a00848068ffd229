import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import { memberships, tenants, userPublicColumns, users } from '../../schema/index';
import { tenantTables } from './tenant-tables';

export type TenantExport = {
  tenant: typeof tenants.$inferSelect;
  /** table name → its rows of the tenant (RLS-filtered, so nothing of another tenant). */
  tables: Record<string, Record<string, unknown>[]>;
  /** The tenant's users (client users and assigned analysts), without password hashes. */
  users: Record<string, unknown>[];
};

/**
 * Everything a tenant owns, inside `withTenant(tenantId)`: its row, every tenant table (from the
 * catalog) and its users. bytea values (report PDFs, logos) come back as Buffers.
 */
export async function exportTenantData(tx: Tx, tenantId: string): Promise<TenantExport> {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`tenant ${tenantId} is not in the scope`);
  const tables: TenantExport['tables'] = {};
  for (const table of await tenantTables(tx)) {
    tables[table] = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`select * from ${sql.identifier(table)} where tenant_id = ${tenantId}`),
    );
  }
  const people = await tx
    .select({ ...userPublicColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId));
  return { tenant, tables, users: people };
}
