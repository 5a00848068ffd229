import { getIncidentEnrichment } from '@palisade/db/queries/enrichment/incident-enrichment';
import { ATTACK_NOTICE } from '@palisade/worker/enrichment/map-attack-techniques';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { IncidentEnrichmentInput } from './incident.schema';
import { incidentEnrichmentView } from './incident-enrichment-view';

/**
 * The incident's enrichment for the analyst: summary (worst verdict per artifact, counts, priority
 * reasons), ATT&CK techniques grouped by tactic with MITRE's notice, and each artifact's provider
 * evidence. Null until the enrich-incident job has run; an incident of another tenant is simply not
 * there (RLS).
 */
export const incident = staffTenantProcedure.input(IncidentEnrichmentInput).query(async ({ ctx, input }) => {
  const found = await getIncidentEnrichment(ctx.tx, { incidentId: input.incidentId });
  return found ? { ...incidentEnrichmentView(found), attackNotice: ATTACK_NOTICE } : null;
});
