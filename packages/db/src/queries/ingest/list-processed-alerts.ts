import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import { uuidArray } from './uuid-array';

/**
 * The alerts among `alertIds` that were stored as processed (not duplicates, not failures), in
 * snake_case as playbook expressions read them (`alert.rule_name`, `alert.hosts`), oldest first.
 */
export async function listProcessedAlerts(
  tx: Tx,
  input: { tenantId: string; alertIds: readonly string[] },
): Promise<({ id: string; incident_id: string | null } & Record<string, unknown>)[]> {
  if (input.alertIds.length === 0) return [];
  const rows = rowsOf<{ id: string; incident_id: string | null } & Record<string, unknown>>(
    await tx.execute(sql`
      select id::text as id, incident_id::text as incident_id, data_source_id::text as data_source_id, title,
             severity, source_vendor, source_product, source_alert_id, rule_id, rule_name, hosts, users,
             event_time, received_at, normalized, raw
        from public.alerts
       where tenant_id = ${input.tenantId}::uuid and status = 'processed'
         and id = any (${uuidArray(input.alertIds)}::uuid[])
       order by received_at, id`),
  );
  // Plain JSON for the run state: timestamps as ISO strings.
  return rows.map((r) => ({
    ...r,
    event_time: r.event_time ? new Date(r.event_time as string).toISOString() : null,
    received_at: new Date(r.received_at as string).toISOString(),
  }));
}
