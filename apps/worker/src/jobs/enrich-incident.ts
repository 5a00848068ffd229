import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import { ENRICH_INCIDENT, EnrichIncidentPayload } from '@palisade/db/jobs/enrich-incident';
import { enrichIncident } from '../enrichment/enrich-incident';
import { internetProviders } from '../integrations/osint/providers';
import { defineJob } from './define-job';

/** Verdicts, list effects and ATT&CK techniques for one incident; a re-run replaces the previous result. */
export const enrichIncidentJob = defineJob(
  ENRICH_INCIDENT,
  EnrichIncidentPayload,
  async (p, { database, signal, log }) => {
    const { summary, techniques } = await enrichIncident(
      { db: database.db, secretKey: secretKeyFromEnv(), providers: internetProviders },
      { tenantId: p.tenantId, incidentId: p.incidentId, now: new Date(), signal },
    );
    log.info(
      { worst: summary.worst, counts: summary.counts, techniques: techniques.length },
      'incident enriched',
    );
    return { worst: summary.worst, techniques: techniques.length };
  },
  // Provider waits (rate limits, Retry-After) can be long: one incident per fetch, a generous expiry.
  { retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 600, batchSize: 1 },
);
