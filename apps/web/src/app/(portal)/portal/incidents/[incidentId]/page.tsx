import { DescriptionList } from '@palisade/ui/description-list';
import { IncidentStatusBadge } from '@palisade/ui/incident-status-badge';
import { PageHeader } from '@palisade/ui/page-header';
import { SectionCard } from '@palisade/ui/section-card';
import { Timeline } from '@palisade/ui/timeline';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { formatTime } from '@/components/format-time';
import { incidentEventText } from '@/components/incident-event-text';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { notFoundAsNull } from '@/server/trpc/not-found-as-null';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Incident' };

/** The client's view: client-safe fields, status history and the comments its MSSP shared. */
export default async function PortalIncidentPage({ params }: { params: Promise<{ incidentId: string }> }) {
  const parsed = z.uuid().safeParse((await params).incidentId);
  if (!parsed.success) notFound();
  const got = await notFoundAsNull((await serverCaller()).incident.portalGet({ incidentId: parsed.data }));
  if (!got) notFound();
  const { incident } = got;
  return (
    <>
      <PageHeader
        title={`${incident.reference} · ${incident.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href="/portal/incidents" className="text-sky-800 hover:underline">
              All incidents
            </Link>
            <IncidentSeverityBadge severity={incident.severity} />
            <IncidentStatusBadge status={incident.status} />
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <SectionCard title="Summary">
            <DescriptionList
              items={[
                { term: 'Status', detail: <IncidentStatusBadge status={incident.status} /> },
                { term: 'Severity', detail: <IncidentSeverityBadge severity={incident.severity} /> },
                { term: 'Alerts', detail: incident.alertCount },
                { term: 'Opened', detail: formatTime(incident.createdAt) },
                { term: 'Last activity', detail: formatTime(incident.lastAlertAt) },
                { term: 'Resolved', detail: incident.resolvedAt ? formatTime(incident.resolvedAt) : '—' },
              ]}
            />
            {incident.description ? (
              <p className="mt-4 whitespace-pre-wrap text-sm text-slate-800">{incident.description}</p>
            ) : null}
          </SectionCard>
          <SectionCard title="Updates from your MSSP">
            {got.comments.length === 0 ? (
              <p className="text-sm text-slate-500">No updates shared yet.</p>
            ) : (
              <ul className="space-y-3">
                {got.comments.map((c) => (
                  <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm">
                    <div className="mb-1 text-xs text-slate-600">
                      <span className="font-medium text-slate-900">{c.authorName ?? 'Your MSSP'}</span> ·{' '}
                      {formatTime(c.createdAt)}
                    </div>
                    <p className="whitespace-pre-wrap">{c.body}</p>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
        </div>
        <SectionCard title="History">
          <Timeline
            label="Timeline"
            items={got.timeline.map((e) => ({
              id: e.id,
              at: e.at.toISOString(),
              when: formatTime(e.at),
              title: incidentEventText(e),
            }))}
          />
        </SectionCard>
      </div>
    </>
  );
}
