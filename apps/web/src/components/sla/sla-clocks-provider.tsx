'use client';

import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { SlaClockBadge } from './sla-clock-badge';

type Clock = RouterOutputs['sla']['clocks'][number];

const ClocksContext = createContext<ReadonlyMap<string, Clock[]>>(new Map());

/** Clocks move with assignments and status changes; the countdown itself ticks locally. */
const REFRESH_MS = 15_000;

/** Fetches the SLA clocks of the incidents on screen in one request, for `SlaQueueCell`s below it. */
export function SlaClocksProvider({ incidentIds, children }: { incidentIds: string[]; children: ReactNode }) {
  const trpc = useTRPC();
  const ids = incidentIds.slice(0, 200);
  const query = useQuery({
    ...trpc.sla.clocks.queryOptions({ incidentIds: ids }, { refetchInterval: REFRESH_MS }),
    enabled: ids.length > 0,
  });
  const byIncident = useMemo(() => {
    const map = new Map<string, Clock[]>();
    for (const c of query.data ?? []) map.set(c.incidentId, [...(map.get(c.incidentId) ?? []), c]);
    return map;
  }, [query.data]);
  return <ClocksContext.Provider value={byIncident}>{children}</ClocksContext.Provider>;
}

/** The queue's SLA column: the clocks still counting (or breached), compact. */
export function SlaQueueCell({ incidentId }: { incidentId: string }) {
  const clocks = (useContext(ClocksContext).get(incidentId) ?? []).filter(
    (c) => c.state === 'running' || c.state === 'paused',
  );
  if (clocks.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-col gap-0.5">
      {clocks.map((c) => (
        <SlaClockBadge key={c.timerId} clock={c} compact />
      ))}
    </span>
  );
}
