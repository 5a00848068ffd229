import { z } from 'zod';

/** Starts the tenant's `incident.updated` playbooks for one recorded change (one timeline event). */
export const START_INCIDENT_UPDATED_RUNS = 'start-incident-updated-runs';
export const StartIncidentUpdatedRunsPayload = z.object({
  tenantId: z.uuid(),
  incidentId: z.uuid(),
  /** The change's timeline event: the run dedup key, so a retried job starts nothing twice. */
  eventId: z.uuid(),
  kind: z.string(),
  /** Changed fields as { from, to } (what trigger filters read as `changes`). */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  actorUserId: z.uuid().nullable(),
});
export type StartIncidentUpdatedRunsPayload = z.infer<typeof StartIncidentUpdatedRunsPayload>;
