import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import type { Severity, SlaTimerKind } from '../../schema/index';
import { incidentReference } from '../incidents/incident-reference';
import { uuidArray } from '../ingest/uuid-array';
import { OPEN_STATUS } from './incident-timings';

export type SeverityCounts = Record<Severity, number>;

export type ConsoleOverview = {
  /** Open incidents (anything not resolved or closed) per tenant that has any. */
  openByTenant: { tenantId: string; tenantName: string; total: number; bySeverity: SeverityCounts }[];
  /** Critical and high incidents nobody owns yet, oldest first (at most `limit`), and how many in all. */
  unassignedUrgent: {
    total: number;
    items: {
      tenantId: string;
      tenantName: string;
      incidentId: string;
      reference: string;
      title: string;
      severity: Severity;
      createdAt: Date;
    }[];
  };
  /** SLA clocks that breached since `since` (the caller's start of day), newest first. */
  breachesToday: {
    total: number;
    items: {
      tenantId: string;
      tenantName: string;
      incidentId: string;
      reference: string;
      title: string;
      kind: SlaTimerKind;
      breachedAt: Date;
    }[];
  };
};

export const emptySeverityCounts = (): SeverityCounts => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
});

/** The operator's landing figures over the tenants of the scope (narrowed to `tenantIds` if given). */
export async function consoleOverview(
  tx: Tx,
  input: { tenantIds?: readonly string[]; since: Date; limit?: number },
): Promise<ConsoleOverview> {
  const limit = input.limit ?? 10;
  const inTenants = input.tenantIds
    ? sql`i.tenant_id = any (${uuidArray(input.tenantIds)}::uuid[])`
    : sql`true`;
  const open = rowsOf<{ tenant_id: string; tenant_name: string; severity: Severity; n: number }>(
    await tx.execute(sql`
      select i.tenant_id, t.name as tenant_name, i.severity::text as severity, count(*)::int as n
      from public.incidents i join public.tenants t on t.id = i.tenant_id
      where ${inTenants} and i.status ${OPEN_STATUS}
      group by i.tenant_id, t.name, i.severity
      order by t.name, i.tenant_id`),
  );
  const byTenant = new Map<string, ConsoleOverview['openByTenant'][number]>();
  for (const r of open) {
    const entry = byTenant.get(r.tenant_id) ?? {
      tenantId: r.tenant_id,
      tenantName: r.tenant_name,
      total: 0,
      bySeverity: emptySeverityCounts(),
    };
    entry.bySeverity[r.severity] = Number(r.n);
    entry.total += Number(r.n);
    byTenant.set(r.tenant_id, entry);
  }

  const urgent = rowsOf<{
    tenant_id: string;
    tenant_name: string;
    id: string;
    number: number;
    title: string;
    severity: Severity;
    created_at: Date | string;
    total: number;
  }>(
    await tx.execute(sql`
      select i.tenant_id, t.name as tenant_name, i.id, i.number, i.title, i.severity::text as severity,
        i.created_at, count(*) over ()::int as total
      from public.incidents i join public.tenants t on t.id = i.tenant_id
      where ${inTenants} and i.assignee_user_id is null and i.severity in ('critical', 'high')
        and i.status ${OPEN_STATUS}
      order by i.created_at, i.id
      limit ${limit}`),
  );

  const breaches = rowsOf<{
    tenant_id: string;
    tenant_name: string;
    id: string;
    number: number;
    title: string;
    kind: SlaTimerKind;
    breached_at: Date | string;
    total: number;
  }>(
    await tx.execute(sql`
      select i.tenant_id, t.name as tenant_name, i.id, i.number, i.title, st.kind::text as kind,
        st.breached_at, count(*) over ()::int as total
      from public.sla_timers st
      join public.incidents i on i.tenant_id = st.tenant_id and i.id = st.incident_id
      join public.tenants t on t.id = i.tenant_id
      where ${inTenants} and st.breached_at >= ${input.since.toISOString()}::timestamptz
      order by st.breached_at desc, st.id
      limit ${limit}`),
  );

  return {
    openByTenant: [...byTenant.values()],
    unassignedUrgent: {
      total: Number(urgent[0]?.total ?? 0),
      items: urgent.map((r) => ({
        tenantId: r.tenant_id,
        tenantName: r.tenant_name,
        incidentId: r.id,
        reference: incidentReference(r.number),
        title: r.title,
        severity: r.severity,
        createdAt: new Date(r.created_at),
      })),
    },
    breachesToday: {
      total: Number(breaches[0]?.total ?? 0),
      items: breaches.map((r) => ({
        tenantId: r.tenant_id,
        tenantName: r.tenant_name,
        incidentId: r.id,
        reference: incidentReference(r.number),
        title: r.title,
        kind: r.kind,
        breachedAt: new Date(r.breached_at),
      })),
    },
  };
}
