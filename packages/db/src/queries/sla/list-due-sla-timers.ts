import { sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';

/**
 * Overdue timers of every tenant, oldest first, as ids only: the sweeper's one look outside any
 * scope, through the SECURITY DEFINER `sla_due_timers` (migration 0022). Firing happens in scope.
 */
export async function listDueSlaTimers(
  db: Db,
  limit: number,
): Promise<{ tenantId: string; timerId: string }[]> {
  const rows = rowsOf<{ tenant_id: string; timer_id: string }>(
    await db.execute(sql`select tenant_id::text, timer_id::text from public.sla_due_timers(${limit})`),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, timerId: r.timer_id }));
}
