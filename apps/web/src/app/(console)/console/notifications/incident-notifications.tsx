'use client';

import { Badge } from '@palisade/ui/badge';
import { SectionCard } from '@palisade/ui/section-card';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTime } from '@/components/format-time';
import { useTRPC } from '@/trpc/react';
import { OUTBOX_STATUS_TONE } from './status-tone';

/** The emails sent about one incident (tier 1 notice, SLA escalations), with live delivery status. */
export function IncidentNotifications({
  incidentKey,
}: {
  incidentKey: { tenantId: string; incidentId: string };
}) {
  const trpc = useTRPC();
  const messages = useQuery(
    trpc.notifications.list.queryOptions({ ...incidentKey, limit: 20 }, { refetchInterval: 5000 }),
  );
  const items = messages.data?.items ?? [];
  return (
    <SectionCard
      title="Notifications"
      actions={
        <Link
          href={`/console/notifications?tenant=${incidentKey.tenantId}`}
          className="text-sm text-sky-800 hover:underline"
        >
          Outbox
        </Link>
      }
    >
      {messages.error ? (
        <p role="alert" className="text-sm text-red-700">
          {messages.error.message}
        </p>
      ) : messages.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-500">No email was sent about this incident.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {items.map((m) => (
            <li key={m.id} className="flex flex-col gap-0.5">
              <span className="flex items-center gap-2">
                <Badge tone={OUTBOX_STATUS_TONE[m.status]}>
                  {m.status === 'sent' && m.deliveredVia === 'outbox' ? 'in outbox' : m.status}
                </Badge>
                <span className="text-xs text-slate-500">{m.kind}</span>
              </span>
              <span className="truncate">{m.subject}</span>
              <span className="text-xs text-slate-500">
                to {m.to.join(', ')} · {formatTime(m.createdAt)}
              </span>
              {m.error ? <span className="text-xs text-red-700">{m.error}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
