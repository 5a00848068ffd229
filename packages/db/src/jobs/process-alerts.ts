import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Normalize received alerts, upsert their artifacts and group them into incidents. One job per
 * accepted ingest request (up to 1,000 alerts of one tenant), enqueued in the request's transaction.
 * Idempotent by alert id: an alert no longer `received` is skipped, so a retry redoes only the rest.
 */
export const PROCESS_ALERTS = 'process-alerts';

export const MAX_ALERTS_PER_JOB = 1000;

export const ProcessAlertsPayload = z.object({
  tenantId: z.uuid(),
  alertIds: z.array(z.uuid()).min(1).max(MAX_ALERTS_PER_JOB),
});
export type ProcessAlertsPayload = z.infer<typeof ProcessAlertsPayload>;

/** Domain ids only: the same alerts give the same key. */
export const processAlertsKey = (p: ProcessAlertsPayload): string =>
  `process-alerts:${p.tenantId}:${createHash('sha256')
    .update([...p.alertIds].sort().join(','))
    .digest('hex')}`;
