import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import {
  CLOSE_SOURCE_ALERT,
  type CloseSourceAlertPayload,
  closeSourceAlertKey,
} from '../../jobs/close-source-alert';
import { enqueue } from '../../jobs/enqueue';
import { alerts, type CloseAlertTarget, dataSources, incidentEvents, incidents } from '../../schema/index';
import { recordIncidentChange } from '../incidents/record-incident-change';

/** Alerts of the incident whose data source can close them (target set, the alert has a source id). */
const closable = (incidentId: string) =>
  and(
    eq(alerts.incidentId, incidentId),
    isNotNull(alerts.sourceAlertId),
    isNotNull(dataSources.closeAlertTarget),
    eq(alerts.status, 'processed'),
  );

/**
 * On resolve, in the resolving transaction: a `close-source-alert` job when at least one of the
 * incident's alerts came from a data source with a close setting (none otherwise, so most resolves
 * cost one query and no job).
 */
export async function queueCloseSourceAlert(
  tx: Tx,
  input: { tenantId: string; incidentId: string; resolvedAt: Date },
): Promise<boolean> {
  const [any] = await tx
    .select({ id: alerts.id })
    .from(alerts)
    .innerJoin(
      dataSources,
      and(eq(dataSources.tenantId, alerts.tenantId), eq(dataSources.id, alerts.dataSourceId)),
    )
    .where(closable(input.incidentId))
    .limit(1);
  if (!any) return false;
  const payload: CloseSourceAlertPayload = {
    tenantId: input.tenantId,
    incidentId: input.incidentId,
    resolvedAt: input.resolvedAt.toISOString(),
  };
  await enqueue(tx, CLOSE_SOURCE_ALERT, payload);
  return true;
}

export type SourceAlertCloseGroup = {
  dataSourceId: string;
  dataSourceName: string;
  target: CloseAlertTarget;
  url: string;
  credential: string | null;
  sourceAlertIds: string[];
};

export type SourceAlertClosePlan = {
  key: string;
  incident: { id: string; number: number; status: string; resolvedAt: Date | null; title: string };
  /** Data sources still to close for this resolution. */
  pending: SourceAlertCloseGroup[];
  /** Data sources already closed for this resolution (a recorded success). */
  done: number;
  /** The incident's alerts whose source has no close setting or no source alert id. */
  unsupported: number;
};

/** What closing the incident's source alerts involves now; null when the incident does not exist. */
export async function loadSourceAlertClosePlan(
  tx: Tx,
  incidentId: string,
): Promise<SourceAlertClosePlan | null> {
  const [incident] = await tx
    .select({
      id: incidents.id,
      number: incidents.number,
      status: incidents.status,
      resolvedAt: incidents.resolvedAt,
      title: incidents.title,
    })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  if (!incident) return null;
  const key = closeSourceAlertKey(incident.id, incident.resolvedAt);
  const rows = await tx
    .select({
      sourceAlertId: alerts.sourceAlertId,
      dataSourceId: dataSources.id,
      dataSourceName: dataSources.name,
      target: dataSources.closeAlertTarget,
      url: dataSources.closeAlertUrl,
      credential: dataSources.closeAlertCredential,
    })
    .from(alerts)
    .innerJoin(
      dataSources,
      and(eq(dataSources.tenantId, alerts.tenantId), eq(dataSources.id, alerts.dataSourceId)),
    )
    .where(and(eq(alerts.incidentId, incidentId), eq(alerts.status, 'processed')));
  const closed = await tx
    .select({ dataSourceId: sql<string>`${incidentEvents.data}->>'dataSourceId'` })
    .from(incidentEvents)
    .where(
      and(
        eq(incidentEvents.incidentId, incidentId),
        eq(incidentEvents.kind, 'source_alert_close'),
        sql`${incidentEvents.data}->>'key' = ${key}`,
        sql`${incidentEvents.data}->>'outcome' = 'closed'`,
      ),
    );
  const doneIds = new Set(closed.map((c) => c.dataSourceId));
  const groups = new Map<string, SourceAlertCloseGroup>();
  let unsupported = 0;
  for (const r of rows) {
    if (!r.target || !r.url || !r.sourceAlertId) {
      unsupported++;
      continue;
    }
    if (doneIds.has(r.dataSourceId)) continue;
    const g = groups.get(r.dataSourceId) ?? {
      dataSourceId: r.dataSourceId,
      dataSourceName: r.dataSourceName,
      target: r.target,
      url: r.url,
      credential: r.credential,
      sourceAlertIds: [],
    };
    if (!g.sourceAlertIds.includes(r.sourceAlertId)) g.sourceAlertIds.push(r.sourceAlertId);
    groups.set(r.dataSourceId, g);
  }
  return { key, incident, pending: [...groups.values()], done: doneIds.size, unsupported };
}

export type SourceAlertCloseOutcome = {
  key: string;
  group: SourceAlertCloseGroup;
  outcome: 'closed' | 'failed';
  /** The vendor's answer, or why it failed (status, reason). */
  message: string;
  /** 1-based attempt, and how many there will be at most (null: up to the playbook step's retry policy). */
  attempt: number;
  maxAttempts: number | null;
};

/** One timeline event (and audit entry) per data source and attempt: the analyst sees success and failure. */
export async function recordSourceAlertClose(
  tx: Tx,
  input: { tenantId: string; incidentId: string } & SourceAlertCloseOutcome,
): Promise<void> {
  const { group } = input;
  await recordIncidentChange(tx, {
    tenantId: input.tenantId,
    incidentId: input.incidentId,
    kind: 'source_alert_close',
    actorUserId: null,
    data: {
      key: input.key,
      dataSourceId: group.dataSourceId,
      dataSourceName: group.dataSourceName,
      target: group.target,
      sourceAlertIds: group.sourceAlertIds,
      outcome: input.outcome,
      message: input.message,
      attempt: input.attempt,
      maxAttempts: input.maxAttempts,
      final: input.outcome === 'closed' || (input.maxAttempts !== null && input.attempt >= input.maxAttempts),
    },
    clientVisible: false,
    action:
      input.outcome === 'closed' ? 'incident.source_alert_closed' : 'incident.source_alert_close_failed',
    after: { dataSourceId: group.dataSourceId, outcome: input.outcome },
  });
}
