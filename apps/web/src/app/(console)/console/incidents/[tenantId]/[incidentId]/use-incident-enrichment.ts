import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

/** The enrichment job runs after the incident exists: poll until it lands, then keep it fresh. */
const REFRESH_MS = 10_000;

/** Shared by the verdicts and techniques panels: one query, one request per refresh. */
export function useIncidentEnrichment(incidentKey: { tenantId: string; incidentId: string }) {
  const trpc = useTRPC();
  return useQuery(trpc.enrichment.incident.queryOptions(incidentKey, { refetchInterval: REFRESH_MS }));
}
