import { ADVANCE_RUN, AdvanceRunPayload } from '@palisade/db/jobs/advance-run';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { RunEvent } from '@palisade/playbook/run-event';
import { advanceRun } from '../playbooks/advance-run';
import type { Executor } from '../playbooks/executor';
import { defineJob } from './define-job';

/** Wake-ups (retry backoff, waits, deadlines) and events between runs (a child's end, a cancel). */
export function advanceRunJob(ex: Executor) {
  return defineJob(
    ADVANCE_RUN,
    AdvanceRunPayload,
    async (p, { database, log }) => {
      const result = await withTenantOn(database.db, p.tenantId, (tx) =>
        advanceRun(tx, { ...ex, log }, p.tenantId, p.runId, p.event as RunEvent | undefined),
      );
      return result.found ? { status: result.status, accepted: result.accepted } : { missing: true };
    },
    { retryLimit: 10, retryDelaySeconds: 1, retryBackoff: true, expireInSeconds: 60, batchSize: 20 },
  );
}
