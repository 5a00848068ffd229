import type { Db } from '@palisade/db/client';
import {
  loadSourceAlertClosePlan,
  recordSourceAlertClose,
  type SourceAlertCloseGroup,
} from '@palisade/db/queries/data-sources/source-alert-close';
import { resolveCredentials } from '@palisade/db/queries/enrichment/integration-credentials';
import { incidentReference } from '@palisade/db/queries/incidents/incident-reference';
import { withTenantOn } from '@palisade/db/with-tenant';
import { SOURCE_ALERT_CLOSERS, type SourceAlertCloser } from './source-alert-closers';

export type CloseSourceAlertsDeps = {
  db: Db;
  /** The at-rest key, read only when a close setting names a credential. */
  secretKey: () => Buffer;
  closers?: Record<string, SourceAlertCloser>;
  timeoutMs?: number;
};

export type CloseSourceAlertsInput = {
  tenantId: string;
  incidentId: string;
  resolution?: string;
  comment?: string;
  attempt: number;
  /** Null when a playbook step's retry policy decides. */
  maxAttempts: number | null;
  signal?: AbortSignal;
};

export type CloseSourceAlertsResult = {
  /** Data sources closed now or already closed for this resolution. */
  closed: number;
  /** Alerts whose source cannot be closed from here. */
  unsupported: number;
  failed: { dataSourceName: string; message: string }[];
};

export class IncidentGoneError extends Error {
  readonly code = 'NOT_FOUND' as const;
}

/**
 * Closes the incident's source alerts in every data source with a close setting: plan and
 * credentials in one tenant transaction, the vendor calls outside any transaction, then one
 * timeline event per data source (closed, or failed with the reason). Data sources already closed
 * for this resolution are skipped, so a retry or the playbook action repeats nothing.
 */
export async function closeSourceAlerts(
  deps: CloseSourceAlertsDeps,
  input: CloseSourceAlertsInput,
): Promise<CloseSourceAlertsResult> {
  const loaded = await withTenantOn(deps.db, input.tenantId, async (tx) => {
    const plan = await loadSourceAlertClosePlan(tx, input.incidentId);
    if (!plan) return null;
    const providers = [...new Set(plan.pending.flatMap((g) => (g.credential ? [g.credential] : [])))];
    const credentials =
      providers.length > 0
        ? await resolveCredentials(tx, deps.secretKey(), { tenantId: input.tenantId, providers })
        : new Map();
    return { plan, credentials };
  });
  if (!loaded) throw new IncidentGoneError(`incident ${input.incidentId} not found`);
  const { plan, credentials } = loaded;
  const closers = deps.closers ?? SOURCE_ALERT_CLOSERS;
  const reference = incidentReference(plan.incident.number);
  const resolution = input.resolution ?? 'resolved';
  const comment =
    input.comment ?? `Resolved in Palisade as ${resolution} (${reference}: ${plan.incident.title})`;

  const outcomes: { group: SourceAlertCloseGroup; ok: boolean; message: string }[] = [];
  for (const group of plan.pending) {
    try {
      const cred = group.credential ? credentials.get(group.credential) : undefined;
      if (group.credential && (!cred || (cred.source !== 'tenant' && cred.source !== 'mssp'))) {
        throw new Error(
          `credential "${group.credential}" is ${cred?.source === 'disabled' ? 'disabled' : 'not configured'}`,
        );
      }
      const closer = closers[group.target];
      if (!closer) throw new Error(`no closer for ${group.target}`);
      const message = await closer({
        url: group.url,
        secret: cred && 'secret' in cred ? cred.secret : null,
        sourceAlertIds: group.sourceAlertIds,
        comment,
        event: {
          type: 'incident.resolved',
          tenantId: input.tenantId,
          incidentId: plan.incident.id,
          reference,
          title: plan.incident.title,
          resolution,
          resolvedAt: plan.incident.resolvedAt?.toISOString() ?? null,
          dataSource: group.dataSourceName,
          sourceAlertIds: group.sourceAlertIds,
        },
        idempotencyKey: `${plan.key}:${group.dataSourceId}`,
        timeoutMs: deps.timeoutMs ?? 30_000,
        ...(input.signal ? { signal: input.signal } : {}),
      });
      outcomes.push({ group, ok: true, message });
    } catch (err) {
      if (input.signal?.aborted) throw err;
      outcomes.push({ group, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  }
  if (outcomes.length > 0) {
    await withTenantOn(deps.db, input.tenantId, async (tx) => {
      for (const o of outcomes) {
        await recordSourceAlertClose(tx, {
          tenantId: input.tenantId,
          incidentId: input.incidentId,
          key: plan.key,
          group: o.group,
          outcome: o.ok ? 'closed' : 'failed',
          message: o.message,
          attempt: input.attempt,
          maxAttempts: input.maxAttempts,
        });
      }
    });
  }
  return {
    closed: plan.done + outcomes.filter((o) => o.ok).length,
    unsupported: plan.unsupported,
    failed: outcomes
      .filter((o) => !o.ok)
      .map((o) => ({ dataSourceName: o.group.dataSourceName, message: o.message })),
  };
}
