import { sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';

export type ScheduledPlaybook = { tenantId: string; playbookId: string };

/**
 * Enabled `schedule` playbooks of active tenants, across tenants (SECURITY DEFINER
 * `playbooks_scheduled`: the tick has no scope yet). Ids only; call on the login role.
 */
export async function listScheduledPlaybooks(db: Db): Promise<ScheduledPlaybook[]> {
  const rows = rowsOf<{ tenant_id: string; playbook_id: string }>(
    await db.execute(sql`select * from public.playbooks_scheduled()`),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, playbookId: r.playbook_id }));
}
