import type { Db } from '@palisade/db/client';
import { listIncidents } from '@palisade/db/queries/incidents/list-incidents';
import { listRuns } from '@palisade/db/queries/playbooks/runs';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { Executor } from './executor';
import { installDefaultPlaybooks } from './install-default-playbooks';
import { startIncidentCreatedRuns } from './start-incident-runs';

/**
 * Demo seed: every tenant gets the MSSP default playbooks; a tenant with an incident and no run yet gets
 * the incident.created run of its newest incident, so the console shows a run on first start. Runs need
 * the worker's queues, so `startRuns` is false unless the worker runs in this process.
 */
export async function seedDemoPlaybooks(
  db: Db,
  ex: Executor,
  tenantIds: readonly string[],
  { startRuns }: { startRuns: boolean },
): Promise<{ installed: number; started: string[] }> {
  let installed = 0;
  const started: string[] = [];
  for (const tenantId of tenantIds) {
    await withTenantOn(db, tenantId, async (tx) => {
      installed += (await installDefaultPlaybooks(tx, tenantId)).installed.length;
      if (!startRuns || (await listRuns(tx, tenantId, { limit: 1 })).length > 0) return;
      const [incident] = (await listIncidents(tx, { tenantIds: [tenantId], sort: 'created_at', limit: 1 }))
        .items;
      if (!incident) return;
      started.push(...(await startIncidentCreatedRuns(tx, tenantId, [incident.id], ex)).started);
    });
  }
  return { installed, started };
}
