import type { Tx } from '@palisade/db/client';
import type { StartIncidentUpdatedRunsPayload } from '@palisade/db/jobs/start-incident-updated-runs';
import { countRecentIncidentRuns } from '@palisade/db/queries/playbooks/count-recent-runs';
import type { Executor } from './executor';
import { loadIncidentContext } from './incident-context';
import { startTriggeredRuns } from './start-triggered-runs';

/**
 * A playbook started by `incident.updated` that itself changes the incident (a comment, a tag)
 * would start itself again, forever. Beyond this many such runs of one incident in the window, the
 * change starts nothing and says so.
 */
export const INCIDENT_UPDATED_LOOP_LIMIT = { runs: 20, withinMinutes: 10 };

/**
 * One recorded incident change → the tenant's `incident.updated` playbooks whose filter accepts it
 * (`changes.<field>.from/to`, `incident`). Runs are keyed by the change's event id: a replay of the
 * same change starts nothing twice.
 */
export async function startIncidentUpdatedRuns(
  tx: Tx,
  p: StartIncidentUpdatedRunsPayload,
  ex?: Executor,
): Promise<{ started: string[]; skipped: { playbookId: string; reason: string }[]; loopGuard: boolean }> {
  const recent = await countRecentIncidentRuns(tx, {
    tenantId: p.tenantId,
    incidentId: p.incidentId,
    trigger: 'incident.updated',
    withinMinutes: INCIDENT_UPDATED_LOOP_LIMIT.withinMinutes,
  });
  if (recent >= INCIDENT_UPDATED_LOOP_LIMIT.runs) return { started: [], skipped: [], loopGuard: true };
  const context = await loadIncidentContext(tx, p.incidentId);
  const result = await startTriggeredRuns(
    tx,
    p.tenantId,
    {
      type: 'incident.updated',
      incident: { ...context.incident, id: p.incidentId },
      changes: p.changes,
      updateId: p.eventId,
    },
    ...(ex ? [ex] : []),
  );
  return { ...result, loopGuard: false };
}
