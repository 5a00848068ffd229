import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { rowsOf } from '../../rows';
import type { ArtifactLocation, IncidentEventKind } from '../../schema/index';
import { incidentReference } from './incident-reference';
import { type IncidentListItem, listIncidentRow } from './list-incident-row';

export const GetIncidentInput = z.object({
  incidentId: z.uuid(),
  /** `client`: the portal's view: no raw alerts, no internal comments or events, no correlation. */
  view: z.enum(['staff', 'client']),
});
export type GetIncidentInput = z.input<typeof GetIncidentInput>;

/** Alerts and artifacts shown per incident; counts tell the page when there are more. */
const MAX_ALERTS = 200;
const MAX_ARTIFACTS = 500;

export type IncidentDetail = {
  incident: IncidentListItem & {
    description: string | null;
    groupKey: string | null;
    assignedAt: Date | null;
    resolvedAt: Date | null;
    closedAt: Date | null;
  };
  alerts: {
    id: string;
    status: string;
    receivedAt: Date;
    title: string | null;
    severity: string | null;
    eventTime: Date | null;
    sourceVendor: string | null;
    sourceProduct: string | null;
    sourceAlertId: string | null;
    ruleId: string | null;
    ruleName: string | null;
    hosts: string[];
    users: string[];
    /** Staff view only. */
    normalized?: unknown;
    raw?: unknown;
  }[];
  alertsShown: number;
  artifacts: {
    id: string;
    type: string;
    value: string;
    tags: string[];
    firstSeenAt: Date;
    lastSeenAt: Date;
    alertCount: number;
    /** Where it was found: per alert of this incident, the field and offsets. */
    locations: (ArtifactLocation & { alertId: string })[];
  }[];
  timeline: {
    id: string;
    kind: IncidentEventKind;
    actorUserId: string | null;
    actorName: string | null;
    data: Record<string, unknown>;
    clientVisible: boolean;
    at: Date;
  }[];
  comments: {
    id: string;
    authorUserId: string | null;
    authorName: string | null;
    body: string;
    visibility: 'internal' | 'shared';
    createdAt: Date;
  }[];
  related: {
    incidentId: string;
    number: number;
    reference: string;
    title: string;
    status: string;
    severity: string;
    sharedArtifacts: SharedArtifact[];
    /** When the link was made, and the other incident's alert span: the "when" of the explanation. */
    linkedAt: Date;
    firstAlertAt: Date;
    lastAlertAt: Date;
  }[];
};

/** An artifact two incidents share, with when each incident first saw it. */
export type SharedArtifact = {
  id: string;
  type: string;
  value: string;
  seenHereAt: Date | null;
  seenThereAt: Date | null;
};

/** One incident with its alerts, artifacts (with locations), timeline, comments and related incidents. */
export async function getIncident(tx: Tx, input: GetIncidentInput): Promise<IncidentDetail> {
  const { incidentId, view } = GetIncidentInput.parse(input);
  const staff = view === 'staff';
  const incident = await listIncidentRow(tx, incidentId);
  if (!incident) throw new NotFoundError('incident not found');
  const t = sql`${incident.tenantId}::uuid`;
  const i = sql`${incidentId}::uuid`;

  const alertRows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select id::text as id, status, received_at, title, severity, event_time, source_vendor, source_product,
             source_alert_id, rule_id, rule_name, hosts, users
             ${staff ? sql`, normalized, raw` : sql``}
        from public.alerts where tenant_id = ${t} and incident_id = ${i}
       order by received_at desc, id limit ${MAX_ALERTS}`),
  );
  const artifactRows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select a.id::text as id, a.type, a.value, a.tags, a.first_seen_at, a.last_seen_at, a.alert_count,
             coalesce((
               select jsonb_agg(l.loc || jsonb_build_object('alertId', aa.alert_id))
                 from public.alert_artifacts aa
                 join public.alerts al on al.tenant_id = aa.tenant_id and al.id = aa.alert_id
                 cross join lateral jsonb_array_elements(aa.locations) as l(loc)
                where aa.tenant_id = ia.tenant_id and aa.artifact_id = ia.artifact_id and al.incident_id = ia.incident_id
             ), '[]'::jsonb) as locations
        from public.incident_artifacts ia
        join public.artifacts a on a.tenant_id = ia.tenant_id and a.id = ia.artifact_id
       where ia.tenant_id = ${t} and ia.incident_id = ${i}
       order by a.type, a.value limit ${MAX_ARTIFACTS}`),
  );
  const eventRows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select e.id::text as id, e.kind, e.actor_user_id::text as actor_user_id, u.name as actor_name, e.data,
             e.client_visible, e.at
        from public.incident_events e
        left join public.users u on u.id = e.actor_user_id
       where e.tenant_id = ${t} and e.incident_id = ${i} ${staff ? sql`` : sql`and e.client_visible`}
       order by e.at, e.id`),
  );
  const commentRows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select c.id::text as id, c.author_user_id::text as author_user_id, u.name as author_name, c.body,
             c.visibility, c.created_at
        from public.incident_comments c
        left join public.users u on u.id = c.author_user_id
       where c.tenant_id = ${t} and c.incident_id = ${i} ${staff ? sql`` : sql`and c.visibility = 'shared'`}
       order by c.created_at, c.id`),
  );
  const relatedRows = staff
    ? rowsOf<Record<string, unknown>>(
        await tx.execute(sql`
          select o.id::text as id, o.number, o.title, o.status, o.severity, r.created_at as linked_at,
                 o.first_alert_at, o.last_alert_at,
                 coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'type', a.type, 'value', a.value,
                                                               'seenHereAt', here.first_seen_at,
                                                               'seenThereAt', there.first_seen_at)
                                            order by a.type, a.value)
                             from public.artifacts a
                             left join public.incident_artifacts here
                               on here.tenant_id = a.tenant_id and here.incident_id = r.incident_id
                              and here.artifact_id = a.id
                             left join public.incident_artifacts there
                               on there.tenant_id = a.tenant_id and there.incident_id = r.related_incident_id
                              and there.artifact_id = a.id
                            where a.tenant_id = r.tenant_id and a.id = any (r.shared_artifact_ids)), '[]'::jsonb) as shared
            from public.incident_relations r
            join public.incidents o on o.tenant_id = r.tenant_id and o.id = r.related_incident_id
           where r.tenant_id = ${t} and r.incident_id = ${i}
           order by o.last_alert_at desc limit 100`),
      )
    : [];

  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    incident: {
      ...incident,
      ...(staff ? {} : { groupKey: null }),
    },
    alerts: alertRows.map((r) => ({
      id: String(r.id),
      status: String(r.status),
      receivedAt: new Date(r.received_at as string),
      title: (r.title as string | null) ?? null,
      severity: (r.severity as string | null) ?? null,
      eventTime: date(r.event_time),
      sourceVendor: (r.source_vendor as string | null) ?? null,
      sourceProduct: (r.source_product as string | null) ?? null,
      sourceAlertId: (r.source_alert_id as string | null) ?? null,
      ruleId: (r.rule_id as string | null) ?? null,
      ruleName: (r.rule_name as string | null) ?? null,
      hosts: (r.hosts as string[] | null) ?? [],
      users: (r.users as string[] | null) ?? [],
      ...(staff ? { normalized: r.normalized, raw: r.raw } : {}),
    })),
    alertsShown: alertRows.length,
    artifacts: artifactRows.map((r) => ({
      id: String(r.id),
      type: String(r.type),
      value: String(r.value),
      tags: (r.tags as string[] | null) ?? [],
      firstSeenAt: new Date(r.first_seen_at as string),
      lastSeenAt: new Date(r.last_seen_at as string),
      alertCount: Number(r.alert_count),
      locations: parseJson<(ArtifactLocation & { alertId: string })[]>(r.locations).slice(0, 50),
    })),
    timeline: eventRows.map((r) => ({
      id: String(r.id),
      kind: r.kind as IncidentEventKind,
      actorUserId: (r.actor_user_id as string | null) ?? null,
      actorName: (r.actor_name as string | null) ?? null,
      data: parseJson<Record<string, unknown>>(r.data),
      clientVisible: Boolean(r.client_visible),
      at: new Date(r.at as string),
    })),
    comments: commentRows.map((r) => ({
      id: String(r.id),
      authorUserId: (r.author_user_id as string | null) ?? null,
      authorName: (r.author_name as string | null) ?? null,
      body: String(r.body),
      visibility: r.visibility as 'internal' | 'shared',
      createdAt: new Date(r.created_at as string),
    })),
    related: relatedRows.map((r) => ({
      incidentId: String(r.id),
      number: Number(r.number),
      reference: incidentReference(Number(r.number)),
      title: String(r.title),
      status: String(r.status),
      severity: String(r.severity),
      sharedArtifacts: parseJson<
        (Omit<SharedArtifact, 'seenHereAt' | 'seenThereAt'> & {
          seenHereAt: string | null;
          seenThereAt: string | null;
        })[]
      >(r.shared).map((a) => ({ ...a, seenHereAt: date(a.seenHereAt), seenThereAt: date(a.seenThereAt) })),
      linkedAt: new Date(r.linked_at as string),
      firstAlertAt: new Date(r.first_alert_at as string),
      lastAlertAt: new Date(r.last_alert_at as string),
    })),
  };
}

/** jsonb comes back parsed from both drivers, except when a driver hands over text. */
function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
