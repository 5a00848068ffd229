import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';

export type ArtifactInput = { type: string; value: string; tags?: string[] };

/**
 * Upserts artifacts by (type, value) and links them to the incident (playbook `incident.update`
 * addArtifacts). Linking twice changes nothing. Returns the artifact ids newly linked.
 */
export async function attachArtifacts(
  tx: Tx,
  tenantId: string,
  incidentId: string,
  items: readonly ArtifactInput[],
): Promise<string[]> {
  if (items.length === 0) return [];
  const payload = JSON.stringify(items.map((i) => ({ type: i.type, value: i.value, tags: i.tags ?? [] })));
  const result = await tx.execute(sql`
    with input as (
      select distinct on (x.type, x.value) x.type, x.value, coalesce(x.tags, '{}') as tags
      from json_to_recordset(${payload}::json) as x (type text, value text, tags text[])
    ), upserted as (
      insert into artifacts (tenant_id, type, value, tags)
      select ${tenantId}::uuid, type, value, tags from input
      on conflict (tenant_id, type, value) do update set last_seen_at = now()
      returning id
    )
    insert into incident_artifacts (tenant_id, incident_id, artifact_id)
    select ${tenantId}::uuid, ${incidentId}::uuid, id from upserted
    on conflict do nothing
    returning artifact_id::text as id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Links the incident to `related` incidents and, when asked, to the tenant's open incidents sharing an
 * artifact with it (both directions). Returns the related ids linked.
 */
export async function linkIncidents(
  tx: Tx,
  tenantId: string,
  incidentId: string,
  related: readonly string[],
  bySharedArtifacts: boolean,
): Promise<string[]> {
  const result = await tx.execute(sql`
    with shared as (
      select other.incident_id as related, array_agg(distinct mine.artifact_id) as artifacts
      from incident_artifacts mine
      join incident_artifacts other
        on other.tenant_id = mine.tenant_id and other.artifact_id = mine.artifact_id
       and other.incident_id <> mine.incident_id
      join incidents i on i.tenant_id = other.tenant_id and i.id = other.incident_id
      where ${bySharedArtifacts} and mine.tenant_id = ${tenantId}::uuid and mine.incident_id = ${incidentId}::uuid
        and i.status not in ('resolved', 'closed')
      group by other.incident_id
    ), given as (
      select unnest(${`{${related.join(',')}}`}::uuid[]) as related, '{}'::uuid[] as artifacts
    ), wanted as (
      select related, artifacts from shared
      union all
      select g.related, g.artifacts from given g
      join incidents i on i.tenant_id = ${tenantId}::uuid and i.id = g.related
      where g.related <> ${incidentId}::uuid and not exists (select 1 from shared s where s.related = g.related)
    ), pairs as (
      select ${incidentId}::uuid as a, related as b, artifacts from wanted
      union all
      select related, ${incidentId}::uuid, artifacts from wanted
    )
    insert into incident_relations (tenant_id, incident_id, related_incident_id, shared_artifact_ids)
    select ${tenantId}::uuid, a, b, artifacts from pairs
    on conflict (tenant_id, incident_id, related_incident_id)
      do update set shared_artifact_ids = excluded.shared_artifact_ids, updated_at = now()
    returning incident_id::text as a, related_incident_id::text as b`);
  const linked = new Set<string>();
  for (const r of rowsOf<{ a: string; b: string }>(result)) if (r.a === incidentId) linked.add(r.b);
  return [...linked];
}
