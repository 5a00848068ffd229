import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';
import type { IncidentPriority, IncidentStatus, Severity } from '../../schema/index';
import { incidentReference } from './incident-reference';

export type IncidentListItem = {
  id: string;
  tenantId: string;
  number: number;
  reference: string;
  title: string;
  status: IncidentStatus;
  severity: Severity;
  priority: IncidentPriority;
  assigneeUserId: string | null;
  tags: string[];
  alertCount: number;
  dataSourceId: string | null;
  sourceProduct: string | null;
  ruleName: string | null;
  firstAlertAt: Date;
  lastAlertAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

/** The columns `toIncidentListItem` reads, for a query over `public.incidents i`. */
export const INCIDENT_LIST_COLUMNS = sql`i.id::text as id, i.tenant_id::text as tenant_id, i.number, i.title, i.status,
  i.severity, i.priority, i.assignee_user_id::text as assignee_user_id, i.tags, i.alert_count,
  i.data_source_id::text as data_source_id, i.source_product, i.rule_name, i.first_alert_at, i.last_alert_at,
  i.created_at, i.updated_at`;

export function toIncidentListItem(r: Record<string, unknown>): IncidentListItem {
  const number = Number(r.number);
  return {
    id: String(r.id),
    tenantId: String(r.tenant_id),
    number,
    reference: incidentReference(number),
    title: String(r.title),
    status: r.status as IncidentStatus,
    severity: r.severity as Severity,
    priority: r.priority as IncidentPriority,
    assigneeUserId: (r.assignee_user_id as string | null) ?? null,
    tags: (r.tags as string[] | null) ?? [],
    alertCount: Number(r.alert_count),
    dataSourceId: (r.data_source_id as string | null) ?? null,
    sourceProduct: (r.source_product as string | null) ?? null,
    ruleName: (r.rule_name as string | null) ?? null,
    firstAlertAt: new Date(r.first_alert_at as string),
    lastAlertAt: new Date(r.last_alert_at as string),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

const maybeDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** One incident of the scope with its detail columns, or null. */
export async function listIncidentRow(tx: Tx, incidentId: string) {
  const [row] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select ${INCIDENT_LIST_COLUMNS}, i.description, i.group_key, i.assigned_at, i.resolved_at, i.closed_at
        from public.incidents i where i.id = ${incidentId}::uuid`),
  );
  if (!row) return null;
  return {
    ...toIncidentListItem(row),
    description: (row.description as string | null) ?? null,
    groupKey: (row.group_key as string | null) ?? null,
    assignedAt: maybeDate(row.assigned_at),
    resolvedAt: maybeDate(row.resolved_at),
    closedAt: maybeDate(row.closed_at),
  };
}
