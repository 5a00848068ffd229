'use client';

import { Badge } from '@palisade/ui/badge';
import { type Column, DataTable } from '@palisade/ui/data-table';
import { DescriptionList } from '@palisade/ui/description-list';
import { IncidentStatusBadge } from '@palisade/ui/incident-status-badge';
import { JsonViewer } from '@palisade/ui/json-viewer';
import { PageHeader } from '@palisade/ui/page-header';
import { SectionCard } from '@palisade/ui/section-card';
import { Timeline } from '@palisade/ui/timeline';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTime } from '@/components/format-time';
import { incidentEventText } from '@/components/incident-event-text';
import { IncidentSeverityBadge } from '@/components/incident-severity-badge';
import { IncidentSlaClocks } from '@/components/sla/incident-sla-clocks';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '@/trpc/types';
import { IncidentNotifications } from '../../../notifications/incident-notifications';
import { IncidentActions } from './incident-actions';
import { IncidentComments } from './incident-comments';
import { IncidentEnrichment } from './incident-enrichment';
import { IncidentReportPanel } from './incident-report-panel';
import { IncidentTechniques } from './incident-techniques';
import { RelatedIncidents } from './related-incidents';

export type StaffIncident = RouterOutputs['incident']['get'];
type Artifact = StaffIncident['artifacts'][number];

/** While someone works the incident, others' changes and new alerts show up without a reload. */
const REFRESH_MS = 10_000;

/** The same spot can be reported twice (e.g. a raw field and its normalized copy): list it once. */
function uniqueLocations(locations: Artifact['locations']): [string, Artifact['locations'][number]][] {
  return [
    ...new Map(
      locations.map((l) => [`${l.alertId}:${l.field}:${l.start ?? ''}:${l.end ?? ''}`, l]),
    ).entries(),
  ];
}

export interface IncidentDetailProps {
  tenantId: string;
  incidentId: string;
  me: { userId: string };
  initial: StaffIncident;
}

export function IncidentDetail({ tenantId, incidentId, me, initial }: IncidentDetailProps) {
  const trpc = useTRPC();
  const key = { tenantId, incidentId };
  const { data } = useQuery(
    trpc.incident.get.queryOptions(key, { initialData: initial, refetchInterval: REFRESH_MS }),
  );
  const { incident, tenant, assignees } = data;
  const names = new Map<string, string>(assignees.map((a) => [a.id, a.name]));
  for (const e of data.timeline) if (e.actorUserId && e.actorName) names.set(e.actorUserId, e.actorName);
  const alertIndex = new Map(data.alerts.map((a, i) => [a.id, i + 1]));

  const artifactColumns: Column<Artifact>[] = [
    { key: 'type', header: 'Type', cell: (a) => <Badge>{a.type}</Badge> },
    {
      key: 'value',
      header: 'Value',
      cell: (a) => (
        <span className="break-all font-mono text-xs">
          {a.value}
          {a.tags.length ? <span className="ml-2 text-slate-500">({a.tags.join(', ')})</span> : null}
        </span>
      ),
    },
    {
      key: 'where',
      header: 'Found in',
      cell: (a) => (
        <ul className="text-xs text-slate-700">
          {uniqueLocations(a.locations).map(([key, l]) => (
            <li key={key}>
              alert #{alertIndex.get(l.alertId) ?? '?'} · <code>{l.field}</code>
              {l.start !== undefined ? ` @${l.start}–${l.end ?? ''}` : ''}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'seen',
      header: 'Tenant-wide',
      className: 'text-xs text-slate-600',
      cell: (a) => `${a.alertCount} alert${a.alertCount === 1 ? '' : 's'}, last ${formatTime(a.lastSeenAt)}`,
    },
  ];

  return (
    <>
      <PageHeader
        title={`${incident.reference} · ${incident.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/console/incidents?tenant=${tenantId}`} className="text-sky-800 hover:underline">
              {tenant.name}
            </Link>
            <IncidentSeverityBadge severity={incident.severity} />
            <IncidentStatusBadge status={incident.status} />
            <Badge>{incident.priority.toUpperCase()}</Badge>
            {incident.tags.map((t) => (
              <Badge key={t} tone="info">
                #{t}
              </Badge>
            ))}
          </span>
        }
      />
      <div className="grid gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          <IncidentSlaClocks incidentId={incident.id} />
          <SectionCard title="Summary">
            <DescriptionList
              items={[
                {
                  term: 'Assignee',
                  detail: incident.assigneeUserId
                    ? (names.get(incident.assigneeUserId) ?? 'someone')
                    : 'unassigned',
                },
                { term: 'Source', detail: incident.sourceProduct ?? '—' },
                { term: 'Rule', detail: incident.ruleName ?? '—' },
                { term: 'Alerts', detail: incident.alertCount },
                { term: 'First alert', detail: formatTime(incident.firstAlertAt) },
                { term: 'Last alert', detail: formatTime(incident.lastAlertAt) },
                { term: 'Created', detail: formatTime(incident.createdAt) },
                { term: 'Assigned', detail: incident.assignedAt ? formatTime(incident.assignedAt) : '—' },
                { term: 'Resolved', detail: incident.resolvedAt ? formatTime(incident.resolvedAt) : '—' },
              ]}
            />
            {incident.description ? (
              <p className="mt-4 whitespace-pre-wrap text-sm text-slate-800">{incident.description}</p>
            ) : null}
          </SectionCard>

          <SectionCard title={`Alerts (${data.alertsShown} of ${incident.alertCount})`}>
            <ol className="space-y-3">
              {data.alerts.map((a, i) => (
                <li key={a.id} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-mono text-xs text-slate-500">#{i + 1}</span>
                    <span className="font-medium">{a.title ?? '(no title)'}</span>
                    {a.severity ? <Badge>{a.severity}</Badge> : null}
                    <span className="text-xs text-slate-500">received {formatTime(a.receivedAt)}</span>
                  </div>
                  <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-700 sm:grid-cols-3">
                    <div>
                      <dt className="inline text-slate-500">Source: </dt>
                      <dd className="inline">
                        {[a.sourceVendor, a.sourceProduct].filter(Boolean).join(' ') || '—'}
                      </dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">Rule: </dt>
                      <dd className="inline">{a.ruleName ?? a.ruleId ?? '—'}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">Source id: </dt>
                      <dd className="inline break-all">{a.sourceAlertId ?? '—'}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">Hosts: </dt>
                      <dd className="inline">{a.hosts.join(', ') || '—'}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">Users: </dt>
                      <dd className="inline">{a.users.join(', ') || '—'}</dd>
                    </div>
                    <div>
                      <dt className="inline text-slate-500">Event time: </dt>
                      <dd className="inline">{a.eventTime ? formatTime(a.eventTime) : '—'}</dd>
                    </div>
                  </dl>
                  <div className="mt-2 space-y-1">
                    <JsonViewer summary="Normalized" value={a.normalized} />
                    <JsonViewer summary="Raw alert as received" value={a.raw} />
                  </div>
                </li>
              ))}
            </ol>
          </SectionCard>

          <SectionCard title="Artifacts">
            <DataTable
              caption="Artifacts"
              columns={artifactColumns}
              rows={data.artifacts}
              rowKey={(a) => a.id}
              empty={<p className="text-sm text-slate-500">No artifacts were extracted.</p>}
            />
          </SectionCard>

          <IncidentEnrichment incidentKey={key} />
          <RelatedIncidents tenantId={tenantId} data={data} />

          <IncidentComments incidentKey={key} comments={data.comments} />
        </div>

        <div className="space-y-4">
          <IncidentActions incidentKey={key} incident={incident} assignees={assignees} me={me} />
          <IncidentTechniques incidentKey={key} />
          <IncidentReportPanel incidentKey={key} />
          <IncidentNotifications incidentKey={key} />
          <SectionCard title="Timeline">
            <Timeline
              items={data.timeline.map((e) => ({
                id: e.id,
                at: e.at.toISOString(),
                when: formatTime(e.at),
                title: incidentEventText(e, (id) => names.get(id)),
                actor: e.actorName ?? (e.actorUserId ? 'someone' : 'Palisade'),
              }))}
            />
          </SectionCard>
        </div>
      </div>
    </>
  );
}
