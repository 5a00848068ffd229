import type postgres from 'postgres';

export type SeededQueue = {
  tenantId: string;
  alerts: number;
  incidents: number;
  artifacts: number;
  sampleArtifact: string;
  serverVersion: string;
};

/**
 * One tenant with `alerts` processed alerts grouped into incidents (owner connection, set-based with
 * generate_series, so a million rows take a minute, not an hour): incidents spread over 90 days with
 * realistic status / severity / assignee mixes, alerts pointing at them, one artifact per incident
 * from a pool, then ANALYZE so the planner sees real statistics.
 */
export async function seedQueue(
  sql: postgres.Sql,
  input: { alerts: number; alertsPerIncident: number },
): Promise<SeededQueue> {
  const tenantId = crypto.randomUUID();
  const sourceId = crypto.randomUUID();
  const incidentCount = Math.max(1, Math.floor(input.alerts / input.alertsPerIncident));
  const artifactCount = Math.max(1, Math.floor(incidentCount / 4));
  await sql`insert into public.tenants (id, slug, name) values (${tenantId}::uuid, ${`bench-${tenantId.slice(0, 8)}`}, 'Bench tenant')`;
  await sql`insert into public.data_sources (tenant_id, id, name) values (${tenantId}::uuid, ${sourceId}::uuid, 'bench source')`;
  const [analyst] = await sql<{ id: string }[]>`
    insert into public.users (email, name, password_hash, kind)
    values (${`bench-${tenantId.slice(0, 8)}@bench.test`}, 'Bench Analyst', 'x', 'staff') returning id::text`;
  if (!analyst) throw new Error('the bench analyst was not inserted');

  await sql`
    insert into public.incidents (tenant_id, id, number, title, status, severity, priority, assignee_user_id,
                                  data_source_id, alert_count, first_alert_at, last_alert_at, search_terms, created_at)
    select ${tenantId}::uuid, md5('inc' || n)::uuid, n,
           (array['Ransomware beacon','Brute force','Phishing link clicked','Malware detected','Suspicious login'])[1 + n % 5]
             || ' on ws-' || (n % 5000),
           (array['new','assigned','in_progress','resolved','closed','closed','closed','resolved'])[1 + n % 8]::public.incident_status,
           (array['critical','high','medium','medium','low','low','info'])[1 + n % 7]::public.severity_level,
           (array['p1','p2','p3','p3','p4','p4','p4'])[1 + n % 7]::public.incident_priority,
           case when n % 8 in (1, 2) then ${analyst.id}::uuid end,
           ${sourceId}::uuid, ${input.alertsPerIncident}::int,
           now() - (n * interval '90 days' / ${incidentCount}::int) - interval '1 hour',
           now() - (n * interval '90 days' / ${incidentCount}::int),
           '198.51.' || (n % ${artifactCount}::int / 250) || '.' || (n % 250),
           now() - (n * interval '90 days' / ${incidentCount}::int) - interval '1 hour'
      from generate_series(1, ${incidentCount}::int) as n`;
  await sql`
    insert into public.tenant_incident_settings (tenant_id, last_incident_number) values (${tenantId}::uuid, ${incidentCount}::int)`;

  // Alerts in chunks: one statement per 200k rows keeps memory and WAL bursts bounded.
  const chunk = 200_000;
  for (let from = 1; from <= input.alerts; from += chunk) {
    const to = Math.min(input.alerts, from + chunk - 1);
    await sql`
      insert into public.alerts (tenant_id, id, data_source_id, status, received_at, raw, payload_hash, title, severity,
                                 rule_id, rule_name, hosts, incident_id, processed_at)
      select ${tenantId}::uuid, md5('alert' || n)::uuid, ${sourceId}::uuid, 'processed',
             now() - ((1 + (n - 1) % ${incidentCount}::int) * interval '90 days' / ${incidentCount}::int),
             jsonb_build_object('id', n, 'host', 'ws-' || (n % 5000), 'msg', 'bench alert ' || n),
             md5('payload' || n), 'bench alert ' || n, 'medium', 'R' || (n % 50), 'Rule ' || (n % 50),
             array['ws-' || (n % 5000)], md5('inc' || (1 + (n - 1) % ${incidentCount}::int))::uuid, now()
        from generate_series(${from}::int, ${to}::int) as n`;
  }

  await sql`
    insert into public.artifacts (tenant_id, id, type, value, alert_count)
    select ${tenantId}::uuid, md5('art' || k)::uuid, 'ipv4', '198.51.' || (k / 250) || '.' || (k % 250), 20
      from generate_series(0, ${artifactCount - 1}::int) as k`;
  await sql`
    insert into public.incident_artifacts (tenant_id, incident_id, artifact_id)
    select ${tenantId}::uuid, md5('inc' || n)::uuid, md5('art' || (n % ${artifactCount}::int))::uuid
      from generate_series(1, ${incidentCount}::int) as n`;
  await sql`analyze public.incidents, public.alerts, public.artifacts, public.incident_artifacts`;
  const [version] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
  return {
    tenantId,
    alerts: input.alerts,
    incidents: incidentCount,
    artifacts: artifactCount,
    sampleArtifact: `198.51.${Math.floor(7 / 250)}.${7 % 250}`,
    serverVersion: version?.v ?? '?',
  };
}
