import { z } from 'zod';

/** Close the resolved incident's source alerts in their SIEM (Splunk ES, Elastic Security, webhook). */
export const CLOSE_SOURCE_ALERT = 'close-source-alert';

export const CloseSourceAlertPayload = z.object({
  tenantId: z.uuid(),
  incidentId: z.uuid(),
  /** The resolution being propagated: a later reopen and resolve closes again, a retry does not. */
  resolvedAt: z.iso.datetime(),
});
export type CloseSourceAlertPayload = z.infer<typeof CloseSourceAlertPayload>;

/**
 * Idempotency key of one resolution's close: a data source with a recorded success under it is not
 * called again (by a retry, or by the playbook's `siem.close_alert` for the same resolution).
 */
export const closeSourceAlertKey = (incidentId: string, resolvedAt: Date | string | null): string =>
  `close-source-alert:${incidentId}:${resolvedAt === null ? 'unresolved' : new Date(resolvedAt).toISOString()}`;
