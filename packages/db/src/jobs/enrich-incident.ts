import { z } from 'zod';

/** Judge an incident's artifacts (OSINT, local intel, global lists) and map its ATT&CK techniques. */
export const ENRICH_INCIDENT = 'enrich-incident';

export const EnrichIncidentPayload = z.object({ tenantId: z.uuid(), incidentId: z.uuid() });
export type EnrichIncidentPayload = z.infer<typeof EnrichIncidentPayload>;

/** pg-boss singleton key: one pending enrichment per incident (a re-run replaces the result anyway). */
export const enrichIncidentKey = (p: EnrichIncidentPayload): string =>
  `enrich-incident:${p.tenantId}:${p.incidentId}`;
