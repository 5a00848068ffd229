import { getDatabase } from '@palisade/db/client';
import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import { siemCloseAlert } from '@palisade/playbook/actions/siem-close-alert';
import { closeSourceAlerts } from '../../source-alerts/close-source-alerts';
import { actionImpl } from '../action-impl';

/**
 * The playbook's `siem.close_alert`: the same close as the on-resolve job (one timeline event per
 * data source, nothing repeated for a resolution already closed). A failed SIEM fails the step, so
 * the step's own retry policy applies.
 */
export const siemCloseAlertImpl = actionImpl({
  mode: 'io',
  contract: siemCloseAlert,
  run: async (input, ctx) => {
    const { db } = await getDatabase();
    const result = await closeSourceAlerts(
      { db, secretKey: () => secretKeyFromEnv() },
      {
        tenantId: ctx.tenantId,
        incidentId: input.incidentId,
        resolution: input.resolution,
        ...(input.comment ? { comment: input.comment } : {}),
        attempt: ctx.attempt,
        maxAttempts: null,
        signal: ctx.signal,
      },
    );
    if (result.failed.length > 0) {
      throw new Error(
        `closing the source alert failed: ${result.failed.map((f) => `${f.dataSourceName}: ${f.message}`).join('; ')}`,
      );
    }
    return { closed: result.closed, unsupported: result.unsupported };
  },
});
