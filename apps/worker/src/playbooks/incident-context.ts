import type { Tx } from '@palisade/db/client';
import { getIncident, type IncidentDetail } from '@palisade/db/queries/incidents/get-incident';
import { tenantContext } from '../notifications/tenant-context';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The `incident` and `alert` a playbook's expressions read, in the snake_case the shipped playbooks use
 * (`incident.created_at`, `alert.raw`). Plain JSON: it is stored in the run state.
 */
export function incidentContext(detail: IncidentDetail): {
  incident: Record<string, unknown>;
  alert?: Record<string, unknown>;
} {
  const i = detail.incident;
  const first = detail.alerts[0];
  return {
    incident: {
      id: i.id,
      number: i.number,
      reference: i.reference,
      title: i.title,
      description: i.description,
      status: i.status,
      severity: i.severity,
      priority: i.priority,
      tags: i.tags,
      assignee_user_id: i.assigneeUserId,
      alert_count: i.alertCount,
      created_at: iso(i.createdAt),
      assigned_at: iso(i.assignedAt),
      resolved_at: iso(i.resolvedAt),
      closed_at: iso(i.closedAt),
      resolution: null,
      artifacts: detail.artifacts.map((a) => ({ type: a.type, value: a.value })),
    },
    ...(first
      ? {
          alert: {
            id: first.id,
            title: first.title,
            severity: first.severity,
            source_vendor: first.sourceVendor,
            source_product: first.sourceProduct,
            rule_name: first.ruleName,
            hosts: first.hosts,
            users: first.users,
            raw: first.raw ?? null,
            normalized: first.normalized ?? null,
          },
        }
      : {}),
  };
}

/**
 * Loads an incident of the scope as playbook context (throws the store's NotFoundError), with its
 * tenant (names and contacts) as `tenant`.
 */
export async function loadIncidentContext(tx: Tx, incidentId: string) {
  const detail = await getIncident(tx, { incidentId, view: 'staff' });
  return { ...incidentContext(detail), tenant: await tenantContext(tx, detail.incident.tenantId) };
}
