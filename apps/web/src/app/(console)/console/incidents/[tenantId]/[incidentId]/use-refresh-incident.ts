'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

export type IncidentKey = { tenantId: string; incidentId: string };

/** After a change: refetch this incident (timeline included) and mark every queue page stale. */
export function useRefreshIncident(key: IncidentKey): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incident.get.queryKey(key) }),
      queryClient.invalidateQueries({ queryKey: trpc.incident.list.pathKey() }),
    ]);
}
