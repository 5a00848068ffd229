import type { Db } from '@palisade/db/database';
import { ENQUEUE_PERIODIC_REPORTS, EnqueuePeriodicReportsPayload } from '@palisade/db/jobs/generate-report';
import { lastCompletePeriod } from '@palisade/db/queries/reports/report-period';
import { requestReport } from '@palisade/db/queries/reports/request-report';
import { reportScheduleSlots } from '@palisade/db/queries/reports/schedules';
import { withTenantOn } from '@palisade/db/with-tenant';
import { defineJob } from '../jobs/define-job';

/**
 * Queues the last complete period's report for every schedule. The slot (`monthly:2026-10-01`) is
 * the idempotency key, so hourly firing, retries and several workers make each report once.
 */
export async function enqueuePeriodicReports(
  db: Db,
  now: Date,
): Promise<{ queued: number; existing: number }> {
  let queued = 0;
  let existing = 0;
  for (const slot of await reportScheduleSlots(db)) {
    const period = lastCompletePeriod(slot.frequency, now, slot.timezone);
    const result = await withTenantOn(db, slot.tenantId, (tx) =>
      requestReport(tx, {
        kind: 'periodic',
        tenantId: slot.tenantId,
        from: period.from,
        to: period.to,
        frequency: slot.frequency,
        emailRecipients: slot.emailRecipients,
        idempotencyKey: `schedule:${period.slot}`,
        createdBy: null,
      }),
    );
    if (result.created) queued++;
    else existing++;
  }
  return { queued, existing };
}

export const enqueuePeriodicReportsJob = defineJob(
  ENQUEUE_PERIODIC_REPORTS,
  EnqueuePeriodicReportsPayload,
  async (_p, { database, log }) => {
    const counts = await enqueuePeriodicReports(database.db, new Date());
    log.info(counts, 'periodic reports checked');
    return counts;
  },
  // Hourly: a tenant's period ends at its own local midnight, and a missed hour is caught up next time.
  { retryLimit: 2, expireInSeconds: 600, batchSize: 1, cron: { expression: '7 * * * *', payload: {} } },
);
