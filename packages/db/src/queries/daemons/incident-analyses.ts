import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';

export type StaleIncident = {
  id: string;
  number: number;
  title: string;
  severity: string;
  createdAt: Date;
  ageHours: number;
};

/** Incidents still `new` (nobody took them) and unassigned for more than `olderThanHours`, oldest first. */
export async function findStaleIncidents(
  tx: Tx,
  input: { tenantId: string; olderThanHours: number; now: Date; limit: number },
): Promise<StaleIncident[]> {
  const rows = rowsOf<{
    id: string;
    number: number;
    title: string;
    severity: string;
    created_at: string | Date;
  }>(
    await tx.execute(sql`
      select i.id::text as id, i.number, i.title, i.severity::text as severity, i.created_at
        from public.incidents i
       where i.tenant_id = ${input.tenantId}::uuid and i.status = 'new' and i.assignee_user_id is null
         and i.created_at < ${input.now.toISOString()}::timestamptz - make_interval(hours => ${input.olderThanHours})
       order by i.created_at, i.id
       limit ${input.limit}`),
  );
  return rows.map((r) => {
    const createdAt = new Date(r.created_at);
    return {
      id: r.id,
      number: Number(r.number),
      title: r.title,
      severity: r.severity,
      createdAt,
      ageHours: Math.floor((input.now.getTime() - createdAt.getTime()) / 3_600_000),
    };
  });
}

export type LifecycleStats = {
  from: Date;
  to: Date;
  incidents: number;
  resolved: number;
  /** Hours, null when no incident reached that point. */
  avgLifespanHours: number | null;
  avgToAssignHours: number | null;
  avgAssignToResolveHours: number | null;
  avgResolveToCloseHours: number | null;
  /** Distinct people who acted on the incidents, and per incident on average. */
  investigators: number;
  avgInvestigatorsPerIncident: number | null;
};

/**
 * Lifecycle of the incidents created in [from, to): how long they lived (created → resolved or
 * closed), each phase (new → assigned → resolved → closed) and how many people worked them
 * (distinct actors on their timelines).
 */
export async function incidentLifecycleStats(
  tx: Tx,
  input: { tenantId: string; from: Date; to: Date },
): Promise<LifecycleStats> {
  const hours = (a: string, b: string) => sql.raw(`avg(extract(epoch from (${b} - ${a})) / 3600)`);
  const [row] = rowsOf<{
    incidents: string | number;
    resolved: string | number;
    lifespan: number | null;
    to_assign: number | null;
    assign_resolve: number | null;
    resolve_close: number | null;
    investigators: string | number;
    per_incident: number | null;
  }>(
    await tx.execute(sql`
      with scope as (
        select i.* from public.incidents i
         where i.tenant_id = ${input.tenantId}::uuid
           and i.created_at >= ${input.from.toISOString()}::timestamptz and i.created_at < ${input.to.toISOString()}::timestamptz
      ),
      actors as (
        select e.incident_id, count(distinct e.actor_user_id) as n
          from public.incident_events e join scope s on s.id = e.incident_id and e.tenant_id = s.tenant_id
         where e.actor_user_id is not null
         group by e.incident_id
      )
      select (select count(*) from scope) as incidents,
             (select count(*) from scope where coalesce(resolved_at, closed_at) is not null) as resolved,
             (select ${hours('created_at', 'coalesce(resolved_at, closed_at)')} from scope) as lifespan,
             (select ${hours('created_at', 'assigned_at')} from scope) as to_assign,
             (select ${hours('assigned_at', 'resolved_at')} from scope) as assign_resolve,
             (select ${hours('resolved_at', 'closed_at')} from scope) as resolve_close,
             (select count(distinct e.actor_user_id) from public.incident_events e join scope s on s.id = e.incident_id and e.tenant_id = s.tenant_id) as investigators,
             (select avg(coalesce(a.n, 0)) from scope s left join actors a on a.incident_id = s.id) as per_incident`),
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
  return {
    from: input.from,
    to: input.to,
    incidents: Number(row?.incidents ?? 0),
    resolved: Number(row?.resolved ?? 0),
    avgLifespanHours: num(row?.lifespan),
    avgToAssignHours: num(row?.to_assign),
    avgAssignToResolveHours: num(row?.assign_resolve),
    avgResolveToCloseHours: num(row?.resolve_close),
    investigators: Number(row?.investigators ?? 0),
    avgInvestigatorsPerIncident: num(row?.per_incident),
  };
}

export type ReopenedIncident = {
  id: string;
  number: number;
  title: string;
  reopens: number;
  lastReopenedAt: Date;
  tags: string[];
};

/** Incidents reopened (resolved/closed → open again) since `since`, with how often. */
export async function findReopenedIncidents(
  tx: Tx,
  input: { tenantId: string; since: Date },
): Promise<ReopenedIncident[]> {
  const rows = rowsOf<{
    id: string;
    number: number;
    title: string;
    reopens: string | number;
    last_at: string | Date;
    tags: string[];
  }>(
    await tx.execute(sql`
      select i.id::text as id, i.number, i.title, count(*) as reopens, max(e.at) as last_at, i.tags
        from public.incident_events e
        join public.incidents i on i.tenant_id = e.tenant_id and i.id = e.incident_id
       where e.tenant_id = ${input.tenantId}::uuid and e.kind = 'status_changed'
         and (e.data ->> 'reopened') = 'true' and e.at >= ${input.since.toISOString()}::timestamptz
       group by i.id, i.number, i.title, i.tags
       order by max(e.at), i.id`),
  );
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    title: r.title,
    reopens: Number(r.reopens),
    lastReopenedAt: new Date(r.last_at),
    tags: r.tags,
  }));
}
