'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';
import { SlaClockBadge } from './sla-clock-badge';

/** The incident page's SLA line: each clock with its live countdown, deadline and state. */
export function IncidentSlaClocks({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.sla.clocks.queryOptions({ incidentIds: [incidentId] }, { refetchInterval: 15_000 }),
  );
  if (query.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        SLA: {query.error.message}
      </p>
    );
  }
  if (!query.data) return null;
  return (
    <section aria-label="SLA" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-slate-700">SLA</span>
      {query.data.length === 0 ? (
        <span className="text-slate-500">no SLA applies to this incident</span>
      ) : (
        query.data.map((c) => (
          <span key={c.timerId} className="inline-flex items-center gap-1">
            <SlaClockBadge clock={c} />
            <span className="text-xs text-slate-500">
              due {new Date(c.dueAt).toLocaleString()}
              {c.calendar === 'business_hours' ? ' (business hours)' : ''}
            </span>
          </span>
        ))
      )}
    </section>
  );
}
