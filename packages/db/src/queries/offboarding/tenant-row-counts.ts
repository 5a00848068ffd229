import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../database';
import { rowsOf } from '../../rows';
import { tenantTables } from './tenant-tables';

/**
 * Rows per tenant table (from the catalog): what an export holds, what a delete removes. Inside a
 * scope RLS bounds it; on the owner connection (tests) it counts what really is stored.
 */
export async function tenantRowCounts(tx: Db | Tx, tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tenantTables(tx)) {
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
      ),
    );
    counts[table] = row?.n ?? 0;
  }
  return counts;
}
