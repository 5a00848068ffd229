import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import type { ArtifactLocation, Severity } from '../../schema/index';
import { incidentsNeedingSla, reconcileIncidentSla } from '../sla/reconcile-incident-sla';
import { groupingFor } from './group-key';
import { groupingSettingsOf } from './grouping-settings';
import { uuidArray } from './uuid-array';

export type NormalizedArtifact = {
  type: string;
  value: string;
  tags: string[];
  locations: ArtifactLocation[];
};

export type NormalizedFields = {
  mapper: string;
  title: string;
  description: string | null;
  severity: Severity;
  eventTime: string | null;
  sourceVendor: string | null;
  sourceProduct: string | null;
  sourceAlertId: string | null;
  ruleId: string | null;
  ruleName: string | null;
  hosts: string[];
  users: string[];
  /** The standard alert without `raw`, plus warnings: what the incident page shows. */
  normalized: unknown;
  artifacts: NormalizedArtifact[];
};

/** The worker's result for one alert; the caller built it from data it loaded, so it is not re-validated. */
export type ProcessedAlert = { id: string } & (
  | { ok: true; fields: NormalizedFields }
  | { ok: false; error: string }
);

export type StoreProcessedAlertsOutput = {
  processed: number;
  duplicates: number;
  failed: number;
  skipped: number;
  createdIncidentIds: string[];
  updatedIncidentIds: string[];
};

const OPEN = sql`('new', 'assigned', 'in_progress')`;
/**
 * Correlation bounds: other incidents looked at per new incident ↔ artifact link (the most recent
 * ones), and new relations per incident per batch. A very common artifact (a shared proxy, a CDN)
 * would otherwise relate every incident to every other one.
 */
const RELATED_PER_LINK = 5;
const NEW_RELATIONS_PER_INCIDENT = 10;
/** Technique ids are shared by unrelated incidents all the time: no correlation on them. */
const NOT_CORRELATED = new Set(['mitre_technique']);
const SEARCH_TERMS_MAX = 4000;
const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const PRIORITY: Record<Severity, 'p1' | 'p2' | 'p3' | 'p4'> = {
  critical: 'p1',
  high: 'p2',
  medium: 'p3',
  low: 'p4',
  info: 'p4',
};

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Writes what the worker derived from received alerts, in one transaction of one tenant:
 * normalized fields, source-id dedup, artifacts (upsert, counts), alert ↔ artifact links with
 * locations, grouping into open incidents or new ones (per-tenant numbers), incident ↔ artifact
 * links, related incidents sharing artifacts, and timeline events.
 *
 * Safe to retry: alerts are locked and only those still `received` are written. Lock order is
 * fixed (alerts, artifacts by type/value, group-key advisory locks by hash, incident rows by id,
 * the tenant's counter row), so concurrent batches of one tenant wait instead of deadlocking, and
 * alerts join an incident in a consistent order.
 */
export async function storeProcessedAlerts(
  tx: Tx,
  input: { tenantId: string; alerts: readonly ProcessedAlert[] },
): Promise<StoreProcessedAlertsOutput> {
  const { tenantId } = input;
  const t = sql`${tenantId}::uuid`;
  const out: StoreProcessedAlertsOutput = {
    processed: 0,
    duplicates: 0,
    failed: 0,
    skipped: 0,
    createdIncidentIds: [],
    updatedIncidentIds: [],
  };
  if (input.alerts.length === 0) return out;

  const pendingRows = rowsOf<{ id: string; data_source_id: string; received_at: string | Date }>(
    await tx.execute(sql`
      select id::text as id, data_source_id::text as data_source_id, received_at from public.alerts
       where tenant_id = ${t} and id = any (${uuidArray(input.alerts.map((a) => a.id))}::uuid[])
         and status = 'received'
       order by id for update`),
  );
  const pending = new Map(
    pendingRows.map((r) => [r.id, { dataSourceId: r.data_source_id, receivedAt: new Date(r.received_at) }]),
  );
  out.skipped = input.alerts.length - pending.size;
  const todo = input.alerts.filter((a) => pending.has(a.id));

  const failed = todo.filter((a): a is ProcessedAlert & { ok: false } => !a.ok);
  if (failed.length > 0) {
    await tx.execute(sql`
      update public.alerts a set status = 'failed', error = x.error, processed_at = now()
        from jsonb_to_recordset(${json(failed.map((f) => ({ id: f.id, error: f.error.slice(0, 2000) })))})
          as x(id uuid, error text)
       where a.tenant_id = ${t} and a.id = x.id`);
    out.failed = failed.length;
  }
  const normalized = todo.filter((a): a is ProcessedAlert & { ok: true } => a.ok);
  if (normalized.length === 0) return out;

  // Source-id dedup: the first alert of a data source with a given source alert id wins, forever.
  const duplicateOf = new Map<string, string>();
  const sidClaims = normalized
    .filter((a) => a.fields.sourceAlertId)
    .map((a) => ({
      id: a.id,
      data_source_id: pending.get(a.id)?.dataSourceId,
      key: `sid:${(a.fields.sourceAlertId ?? '').slice(0, 500)}`,
    }));
  if (sidClaims.length > 0) {
    await tx.execute(sql`
      insert into public.alert_dedup_keys (tenant_id, data_source_id, key, alert_id, expires_at)
      select ${t}, x.data_source_id, x.key, x.id, null
        from jsonb_to_recordset(${json(sidClaims)}) as x(id uuid, data_source_id uuid, key text)
       order by x.data_source_id, x.key
      on conflict do nothing`);
    const owners = rowsOf<{ id: string; owner: string }>(
      await tx.execute(sql`
        select x.id::text as id, d.alert_id::text as owner
          from jsonb_to_recordset(${json(sidClaims)}) as x(id uuid, data_source_id uuid, key text)
          join public.alert_dedup_keys d
            on d.tenant_id = ${t} and d.data_source_id = x.data_source_id and d.key = x.key`),
    );
    for (const o of owners) if (o.owner !== o.id) duplicateOf.set(o.id, o.owner);
  }
  const fresh = normalized.filter((a) => !duplicateOf.has(a.id));
  out.duplicates = normalized.length - fresh.length;

  // Artifacts: one upsert for the batch, sorted so concurrent batches lock rows in the same order.
  const artifactKey = (type: string, value: string) => `${type}\u0000${value}`;
  const byKey = new Map<string, { type: string; value: string; tags: string[]; count: number }>();
  for (const a of fresh) {
    for (const art of a.fields.artifacts) {
      const k = artifactKey(art.type, art.value);
      const cur = byKey.get(k);
      if (cur) cur.count += 1;
      else byKey.set(k, { type: art.type, value: art.value, tags: art.tags, count: 1 });
    }
  }
  const artifactIds = new Map<string, string>();
  if (byKey.size > 0) {
    const rows = [...byKey.values()].sort((x, y) =>
      x.type === y.type ? (x.value < y.value ? -1 : x.value > y.value ? 1 : 0) : x.type < y.type ? -1 : 1,
    );
    const upserted = rowsOf<{ id: string; type: string; value: string }>(
      await tx.execute(sql`
        insert into public.artifacts as a (tenant_id, type, value, tags, alert_count)
        select ${t}, x.type, x.value, x.tags, x.count
          from jsonb_to_recordset(${json(rows.map((r, ord) => ({ ...r, ord })))})
            as x(type text, value text, tags text[], count integer, ord integer)
         order by x.ord
        on conflict (tenant_id, type, value) do update
          set last_seen_at = now(), alert_count = a.alert_count + excluded.alert_count
        returning a.id::text as id, a.type, a.value`),
    );
    for (const r of upserted) artifactIds.set(artifactKey(r.type, r.value), r.id);
    const links = fresh.flatMap((a) =>
      a.fields.artifacts.map((art) => ({
        alert_id: a.id,
        artifact_id: artifactIds.get(artifactKey(art.type, art.value)),
        locations: art.locations,
      })),
    );
    await tx.execute(sql`
      insert into public.alert_artifacts (tenant_id, alert_id, artifact_id, locations)
      select ${t}, x.alert_id, x.artifact_id, x.locations
        from jsonb_to_recordset(${json(links)}) as x(alert_id uuid, artifact_id uuid, locations jsonb)
      on conflict do nothing`);
  }

  // Grouping.
  const [settings] = rowsOf<{
    grouping_fields: string[];
    grouping_window_minutes: number;
    grouping_source_rules: unknown;
  }>(
    await tx.execute(sql`
      select grouping_fields, grouping_window_minutes, grouping_source_rules
        from public.tenant_incident_settings where tenant_id = ${t}`),
  );
  const grouping = groupingSettingsOf(settings);
  type Group = { key: string | null; windowMinutes: number; alerts: (ProcessedAlert & { ok: true })[] };
  const groups: Group[] = [];
  const byGroupKey = new Map<string, Group>();
  for (const a of fresh) {
    const { rule, key } = groupingFor(grouping, {
      ...a.fields,
      dataSourceId: pending.get(a.id)?.dataSourceId ?? '',
    });
    if (key === null) {
      groups.push({ key: null, windowMinutes: rule.windowMinutes, alerts: [a] });
      continue;
    }
    const g = byGroupKey.get(key);
    if (g) g.alerts.push(a);
    else {
      const ng = { key, windowMinutes: rule.windowMinutes, alerts: [a] };
      byGroupKey.set(key, ng);
      groups.push(ng);
    }
  }
  const longestWindow = Math.max(0, ...groups.map((g) => g.windowMinutes));
  const keys = [...byGroupKey.keys()];
  const openByKey = new Map<string, string>();
  if (keys.length > 0) {
    const keysJson = json(keys);
    // Serializes grouping per key across batches: two batches never both open an incident for one key.
    await tx.execute(sql`
      select pg_advisory_xact_lock(h) from (
        select distinct hashtextextended(${tenantId} || ':' || k, 0) as h
          from jsonb_array_elements_text(${keysJson}) as k) s
       order by h`);
    const open = rowsOf<{ id: string; group_key: string; last_alert_at: string | Date; age_seconds: number }>(
      await tx.execute(sql`
        select id::text as id, group_key, last_alert_at,
               extract(epoch from now() - last_alert_at)::float8 as age_seconds
          from public.incidents
         where tenant_id = ${t}
           and group_key in (select jsonb_array_elements_text(${keysJson}))
           and status in ${OPEN}
           and last_alert_at > now() - ${longestWindow} * interval '1 minute'
         order by id for update`),
    );
    const newest = new Map<string, { id: string; at: number }>();
    for (const o of open) {
      // Each key has its own rule's window (a data source override may differ from the tenant's).
      const windowMinutes = byGroupKey.get(o.group_key)?.windowMinutes ?? 0;
      if (Number(o.age_seconds) >= windowMinutes * 60) continue;
      const at = new Date(o.last_alert_at).getTime();
      const cur = newest.get(o.group_key);
      if (!cur || at > cur.at) newest.set(o.group_key, { id: o.id, at });
    }
    for (const [k, v] of newest) openByKey.set(k, v.id);
  }

  const valuesOf = (as: readonly (ProcessedAlert & { ok: true })[]) =>
    [...new Set(as.flatMap((a) => a.fields.artifacts.map((x) => x.value)))]
      .join(' ')
      .slice(0, SEARCH_TERMS_MAX);
  const worst = (as: readonly (ProcessedAlert & { ok: true })[]): Severity =>
    as.reduce<Severity>(
      (acc, a) =>
        SEVERITY_ORDER.indexOf(a.fields.severity) < SEVERITY_ORDER.indexOf(acc) ? a.fields.severity : acc,
      'info',
    );

  const incidentOf = new Map<string, string>();
  const toCreate = groups.filter((g) => g.key === null || !openByKey.has(g.key));
  const toUpdate = groups.filter((g) => g.key !== null && openByKey.has(g.key));
  const events: { incident_id: string; kind: string; data: unknown; client_visible: boolean }[] = [];

  if (toCreate.length > 0) {
    const [counter] = rowsOf<{ last: number }>(
      await tx.execute(sql`
        insert into public.tenant_incident_settings as s (tenant_id, last_incident_number)
        values (${t}, ${toCreate.length})
        on conflict (tenant_id) do update
          set last_incident_number = s.last_incident_number + excluded.last_incident_number, updated_at = now()
        returning s.last_incident_number as last`),
    );
    const first = Number(counter?.last) - toCreate.length + 1;
    const rows = toCreate.map((g, i) => {
      const head = g.alerts[0] as ProcessedAlert & { ok: true };
      const severity = worst(g.alerts);
      const received = g.alerts.map((a) => pending.get(a.id)?.receivedAt.getTime() ?? Date.now());
      const id = crypto.randomUUID();
      for (const a of g.alerts) incidentOf.set(a.id, id);
      events.push({
        incident_id: id,
        kind: 'created',
        data: {
          alertIds: g.alerts.slice(0, 50).map((a) => a.id),
          alertCount: g.alerts.length,
          groupKey: g.key,
        },
        client_visible: true,
      });
      return {
        id,
        number: first + i,
        title: head.fields.title.slice(0, 500),
        description: head.fields.description?.slice(0, 10_000) ?? null,
        severity,
        priority: PRIORITY[severity],
        group_key: g.key,
        rule_name: head.fields.ruleName,
        data_source_id: pending.get(head.id)?.dataSourceId,
        source_product: head.fields.sourceProduct,
        alert_count: g.alerts.length,
        first_alert_at: new Date(Math.min(...received)).toISOString(),
        last_alert_at: new Date(Math.max(...received)).toISOString(),
        search_terms: valuesOf(g.alerts),
      };
    });
    await tx.execute(sql`
      insert into public.incidents (tenant_id, id, number, title, description, severity, priority, group_key,
        rule_name, data_source_id, source_product, alert_count, first_alert_at, last_alert_at, search_terms)
      select ${t}, x.id, x.number, x.title, x.description, x.severity::public.severity_level,
             x.priority::public.incident_priority, x.group_key, x.rule_name, x.data_source_id, x.source_product,
             x.alert_count, x.first_alert_at, x.last_alert_at, x.search_terms
        from jsonb_to_recordset(${json(rows)}) as x(id uuid, number integer, title text, description text,
          severity text, priority text, group_key text, rule_name text, data_source_id uuid, source_product text,
          alert_count integer, first_alert_at timestamptz, last_alert_at timestamptz, search_terms text)`);
    out.createdIncidentIds = rows.map((r) => r.id);
  }

  if (toUpdate.length > 0) {
    const rows = toUpdate.map((g) => {
      const id = openByKey.get(g.key ?? '') as string;
      for (const a of g.alerts) incidentOf.set(a.id, id);
      events.push({
        incident_id: id,
        kind: 'alert_added',
        data: { alertIds: g.alerts.slice(0, 50).map((a) => a.id), alertCount: g.alerts.length },
        client_visible: false,
      });
      const received = g.alerts.map((a) => pending.get(a.id)?.receivedAt.getTime() ?? Date.now());
      return {
        id,
        count: g.alerts.length,
        severity: worst(g.alerts),
        last_alert_at: new Date(Math.max(...received)).toISOString(),
        terms: valuesOf(g.alerts),
      };
    });
    // least(): the enum sorts critical first, so the incident keeps its most severe alert's level.
    await tx.execute(sql`
      update public.incidents i
         set alert_count = i.alert_count + x.count,
             last_alert_at = greatest(i.last_alert_at, x.last_alert_at),
             severity = least(i.severity, x.severity::public.severity_level),
             search_terms = left(i.search_terms || ' ' || x.terms, ${SEARCH_TERMS_MAX}),
             updated_at = now()
        from jsonb_to_recordset(${json(rows)}) as x(id uuid, count integer, severity text, last_alert_at timestamptz, terms text)
       where i.tenant_id = ${t} and i.id = x.id`);
    out.updatedIncidentIds = rows.map((r) => r.id);
  }

  // The alerts themselves: normalized fields, incident, status.
  const alertRows = normalized.map((a) => ({
    id: a.id,
    status: duplicateOf.has(a.id) ? 'duplicate' : 'processed',
    duplicate_of: duplicateOf.get(a.id) ?? null,
    incident_id: incidentOf.get(a.id) ?? null,
    mapper: a.fields.mapper,
    title: a.fields.title.slice(0, 500),
    description: a.fields.description?.slice(0, 10_000) ?? null,
    severity: a.fields.severity,
    event_time: validTime(a.fields.eventTime),
    source_vendor: a.fields.sourceVendor,
    source_product: a.fields.sourceProduct,
    source_alert_id: a.fields.sourceAlertId,
    rule_id: a.fields.ruleId,
    rule_name: a.fields.ruleName,
    hosts: a.fields.hosts,
    users: a.fields.users,
    normalized: a.fields.normalized,
  }));
  await tx.execute(sql`
    update public.alerts a
       set status = x.status::public.alert_status, duplicate_of_alert_id = x.duplicate_of, incident_id = x.incident_id,
           mapper = x.mapper, title = x.title, description = x.description,
           severity = x.severity::public.severity_level, event_time = x.event_time,
           source_vendor = x.source_vendor, source_product = x.source_product, source_alert_id = x.source_alert_id,
           rule_id = x.rule_id, rule_name = x.rule_name, hosts = x.hosts, users = x.users,
           normalized = x.normalized, processed_at = now()
      from jsonb_to_recordset(${json(alertRows)}) as x(id uuid, status text, duplicate_of uuid, incident_id uuid,
        mapper text, title text, description text, severity text, event_time timestamptz, source_vendor text,
        source_product text, source_alert_id text, rule_id text, rule_name text, hosts text[], users text[],
        normalized jsonb)
     where a.tenant_id = ${t} and a.id = x.id`);
  out.processed = fresh.length;

  // Incident ↔ artifact links; the new ones drive correlation.
  const incidentLinks = new Map<string, { incident_id: string; artifact_id: string; type: string }>();
  for (const a of fresh) {
    const incidentId = incidentOf.get(a.id);
    if (!incidentId) continue;
    for (const art of a.fields.artifacts) {
      const artifactId = artifactIds.get(artifactKey(art.type, art.value));
      if (artifactId)
        incidentLinks.set(`${incidentId}:${artifactId}`, {
          incident_id: incidentId,
          artifact_id: artifactId,
          type: art.type,
        });
    }
  }
  if (incidentLinks.size > 0) {
    const linkRows = [...incidentLinks.values()].sort((x, y) =>
      x.incident_id === y.incident_id
        ? x.artifact_id.localeCompare(y.artifact_id)
        : x.incident_id.localeCompare(y.incident_id),
    );
    const inserted = rowsOf<{ incident_id: string; artifact_id: string }>(
      await tx.execute(sql`
        insert into public.incident_artifacts (tenant_id, incident_id, artifact_id)
        select ${t}, x.incident_id, x.artifact_id
          from jsonb_to_recordset(${json(linkRows.map(({ type: _type, ...r }, ord) => ({ ...r, ord })))})
            as x(incident_id uuid, artifact_id uuid, ord integer)
         order by x.ord
        on conflict do nothing
        returning incident_id::text as incident_id, artifact_id::text as artifact_id`),
    );
    const correlating = inserted.filter(
      (l) => !NOT_CORRELATED.has(incidentLinks.get(`${l.incident_id}:${l.artifact_id}`)?.type ?? ''),
    );
    if (correlating.length > 0) {
      const related = rowsOf<{ incident_id: string; related_incident_id: string; inserted: boolean }>(
        await tx.execute(sql`
          with links as (
            select * from jsonb_to_recordset(${json(correlating)}) as x(incident_id uuid, artifact_id uuid)
          ),
          pairs as (
            select l.incident_id as a, o.incident_id as b, l.artifact_id
              from links l
              cross join lateral (
                select ia.incident_id from public.incident_artifacts ia
                 where ia.tenant_id = ${t} and ia.artifact_id = l.artifact_id and ia.incident_id <> l.incident_id
                 order by ia.first_seen_at desc limit ${RELATED_PER_LINK}) o
          ),
          capped as (
            select a, b, artifact_id from (
              select p.*, dense_rank() over (partition by p.a order by p.b desc) as rank from pairs p) ranked
             where rank <= ${NEW_RELATIONS_PER_INCIDENT}
          ),
          both_ways as (
            select a, b, artifact_id from capped union select b, a, artifact_id from capped
          ),
          merged as (
            select a, b, array_agg(distinct artifact_id order by artifact_id) as shared from both_ways group by a, b
          )
          insert into public.incident_relations as r (tenant_id, incident_id, related_incident_id, shared_artifact_ids)
          select ${t}, m.a, m.b, m.shared from merged m order by m.a, m.b
          on conflict (tenant_id, incident_id, related_incident_id) do update
            set shared_artifact_ids = array(
                  select distinct u from unnest(r.shared_artifact_ids || excluded.shared_artifact_ids) u order by u),
                updated_at = now()
            -- Already naming these artifacts: no new row version for nothing.
            where not (excluded.shared_artifact_ids <@ r.shared_artifact_ids)
          returning r.incident_id::text as incident_id, r.related_incident_id::text as related_incident_id,
                    (r.xmax = 0) as inserted`),
      );
      // One timeline entry per incident and batch, naming the newly related incidents.
      const linked = new Map<string, string[]>();
      for (const r of related) {
        if (!r.inserted) continue;
        linked.set(r.incident_id, [...(linked.get(r.incident_id) ?? []), r.related_incident_id]);
      }
      for (const [incidentId, relatedIds] of linked) {
        events.push({
          incident_id: incidentId,
          kind: 'related_linked',
          data: { relatedIncidentIds: relatedIds.slice(0, 50), count: relatedIds.length },
          client_visible: false,
        });
      }
    }
  }

  if (events.length > 0) {
    await tx.execute(sql`
      insert into public.incident_events (tenant_id, incident_id, kind, data, client_visible, at)
      select ${t}, x.incident_id, x.kind::public.incident_event_kind, x.data, x.client_visible, clock_timestamp()
        from jsonb_to_recordset(${json(events.map((e, ord) => ({ ...e, ord })))})
          as x(incident_id uuid, kind text, data jsonb, client_visible boolean, ord integer)
       order by x.ord`);
  }
  // SLA clocks start with the incident and follow a severity raised by a joining alert.
  const raised = await incidentsNeedingSla(tx, tenantId, out.updatedIncidentIds);
  for (const id of [...out.createdIncidentIds, ...raised]) await reconcileIncidentSla(tx, tenantId, id);
  return out;
}

function validTime(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
