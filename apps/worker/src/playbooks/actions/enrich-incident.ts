import { getDatabase } from '@palisade/db/client';
import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import { enrichIncident } from '@palisade/playbook/actions/enrich-incident';
import { enrichIncident as run } from '../../enrichment/enrich-incident';
import { internetProviders } from '../../integrations/osint/providers';
import { actionImpl } from '../action-impl';

/**
 * Network lookups, then one write transaction of its own (enrichIncident): `io`, so the provider
 * calls never hold the run's transaction open.
 */
export const enrichIncidentImpl = actionImpl({
  mode: 'io',
  contract: enrichIncident,
  run: async (input, ctx) => {
    const { db } = await getDatabase();
    const { summary, techniques } = await run(
      { db, secretKey: secretKeyFromEnv(), providers: internetProviders },
      { tenantId: ctx.tenantId, incidentId: input.incidentId, now: new Date(), signal: ctx.signal },
    );
    return {
      worst: summary.worst,
      counts: summary.counts,
      priorityDelta: summary.priorityDelta,
      techniques: techniques.map((t) => t.id),
      suppressed: summary.artifacts.filter((a) => a.suppressNotifications).map((a) => a.value),
    };
  },
});
