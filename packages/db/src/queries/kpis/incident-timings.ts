import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../database';

/** Leaving an open state for resolved or closed (resolved → closed is not a second resolution). */
const RESOLUTION = sql`ev.kind = 'status_changed'
  and ev.data ->> 'from' not in ('resolved', 'closed')
  and ev.data ->> 'to' in ('resolved', 'closed')`;

/**
 * PostgreSQL's JIT compiles these per-incident expressions for seconds before the first row on a
 * large range (measured: 2 s of a 3 s query over 15,000 incidents); the plan is index lookups that
 * gain nothing from it. Transaction-local, so only the KPI transaction is affected.
 */
export async function withoutJit(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('jit', 'off', true)`);
}

/** Open: anything but resolved and closed (waiting_on_client included). */
export const OPEN_STATUS = sql`not in ('resolved', 'closed')`;

export type SlaOutcome = 'met' | 'breached' | 'running';

/** A timer's outcome for compliance; one timer per incident and kind, so max() just picks it. */
const SLA_OUTCOME = sql`case
  when st.breached_at is not null or exists (
    select 1 from public.sla_timer_firings fi
    where fi.tenant_id = st.tenant_id and fi.timer_id = st.id and fi.event = 'breach'
  ) then 'breached'
  when st.met_at is not null then 'met'
  when st.state in ('running', 'paused') then 'running'
end`;

/**
 * One row per incident with the timeline instants every KPI is measured from (docs/kpis.md):
 *
 * - assigned_at: the first `assigned` event naming a person (by anyone, a playbook included).
 * - responded_at: the first event a person (actor_user_id not null) made of kind `assigned`,
 *   `status_changed` or `comment_added`: the moment the client's incident visibly got a human.
 * - resolved_at: the first status change from an open state into `resolved` or `closed`; a later
 *   reopen does not move it (what the client was first told), see final_resolved_at.
 * - final_resolved_at: the last such change, only while the incident is still resolved or closed.
 * - reopen_count: status changes flagged `reopened`.
 * - wait_seconds: time spent in `waiting_on_client` before resolved_at (each stay lasts until the
 *   next status change), so resolve_net_seconds = resolve_seconds − wait_seconds matches paused SLA
 *   clocks; null while unresolved.
 * - assign_sla / resolve_sla: the outcome of the incident's SLA timer of that kind: `breached` if
 *   it ever breached (in any round: a reopen restarts the resolve clock but does not erase a breach),
 *   else `met` once met_at is set, else `running` while running or paused; null without a timer or
 *   when it was stopped before either (no target applied).
 *
 * Durations are wall-clock seconds (float8) from `incidents.created_at`. `where` filters incidents
 * (alias `i`); RLS keeps them inside the transaction's scope whatever it says.
 */
export function incidentTimings(where: SQL): SQL {
  // Set-based: one pass over the selected incidents' events (window columns give each status change
  // the next one's time and every event its incident's first resolution), grouped per incident, then
  // joined back. Per-incident lateral lookups cost ~5x more over a large range.
  return sql`
    with ev as (
      select ev.tenant_id, ev.incident_id, ev.kind, ev.actor_user_id, ev.data, ev.at,
        lead(ev.at) over (
          partition by ev.tenant_id, ev.incident_id, ev.kind = 'status_changed' order by ev.at, ev.id
        ) as next_change_at,
        min(ev.at) filter (where ${RESOLUTION}) over (partition by ev.tenant_id, ev.incident_id)
          as first_resolution_at
      from public.incident_events ev
      join public.incidents i on i.tenant_id = ev.tenant_id and i.id = ev.incident_id
      where ${where}
    ),
    e as (
      select
        ev.tenant_id,
        ev.incident_id,
        min(ev.at) filter (where ev.kind = 'assigned' and ev.data ->> 'to' is not null) as assigned_at,
        min(ev.at) filter (
          where ev.actor_user_id is not null
            and (ev.kind in ('status_changed', 'comment_added')
              or (ev.kind = 'assigned' and ev.data ->> 'to' is not null))
        ) as responded_at,
        min(ev.first_resolution_at) as resolved_at,
        max(ev.at) filter (where ${RESOLUTION}) as final_resolved_at,
        count(*) filter (
          where ev.kind = 'status_changed' and coalesce((ev.data ->> 'reopened')::boolean, false)
        ) as reopen_count,
        case when min(ev.first_resolution_at) is not null then coalesce(
          sum(extract(epoch from least(ev.next_change_at, ev.first_resolution_at) - ev.at)) filter (
            where ev.kind = 'status_changed' and ev.data ->> 'to' = 'waiting_on_client'
              and ev.at < ev.first_resolution_at
          ), 0)::float8
        end as wait_seconds
      from ev
      group by ev.tenant_id, ev.incident_id
    ),
    s as (
      select
        st.tenant_id,
        st.incident_id,
        max(${SLA_OUTCOME}) filter (where st.kind = 'assign') as assign_sla,
        max(${SLA_OUTCOME}) filter (where st.kind = 'resolve') as resolve_sla
      from public.sla_timers st
      join public.incidents i on i.tenant_id = st.tenant_id and i.id = st.incident_id
      where ${where}
      group by st.tenant_id, st.incident_id
    )
    select
      i.tenant_id,
      i.id as incident_id,
      i.number,
      i.severity::text as severity,
      i.status::text as status,
      i.assignee_user_id,
      i.created_at,
      e.assigned_at,
      e.responded_at,
      e.resolved_at,
      case when i.status in ('resolved', 'closed') then e.final_resolved_at end as final_resolved_at,
      coalesce(e.reopen_count, 0)::int as reopen_count,
      s.assign_sla,
      s.resolve_sla,
      extract(epoch from e.assigned_at - i.created_at)::float8 as assign_seconds,
      extract(epoch from e.responded_at - i.created_at)::float8 as response_seconds,
      extract(epoch from e.resolved_at - i.created_at)::float8 as resolve_seconds,
      e.wait_seconds,
      (extract(epoch from e.resolved_at - i.created_at) - e.wait_seconds)::float8 as resolve_net_seconds
    from public.incidents i
    left join e on e.tenant_id = i.tenant_id and e.incident_id = i.id
    left join s on s.tenant_id = i.tenant_id and s.incident_id = i.id
    where ${where}`;
}
