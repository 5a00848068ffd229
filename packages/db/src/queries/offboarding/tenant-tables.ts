import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../database';
import { rowsOf } from '../../rows';

/**
 * Every table in `public` with a `tenant_id` column, read from the catalog: a table added by a later
 * migration is exported and deleted without touching this code.
 */
export async function tenantTables(on: Db | Tx): Promise<string[]> {
  const rows = rowsOf<{ table: string }>(
    await on.execute(sql`
      select distinct c.relname::text as table
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on c.oid = a.attrelid
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = 'tenant_id' and not a.attisdropped
       order by 1`),
  );
  return rows.map((r) => r.table);
}
