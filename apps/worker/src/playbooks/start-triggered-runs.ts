import type { Tx } from '@palisade/db/client';
import { listPlaybooksByTrigger } from '@palisade/db/queries/playbooks/catalog';
import { matchTrigger } from '@palisade/playbook/match-trigger';
import { createLogger } from '../logger';
import { createExecutor, type Executor } from './executor';
import { loadDefinition } from './load-definition';
import { startRun } from './start-run';

/** An occurrence that may start playbooks. `id` is the incident's or alert's id (the run dedup key). */
export type PlaybookTriggerEvent =
  | {
      type: 'incident.created';
      incident: { id: string } & Record<string, unknown>;
      alert?: unknown;
      tenant?: unknown;
    }
  | {
      type: 'incident.updated';
      incident: { id: string } & Record<string, unknown>;
      changes: Record<string, { from: unknown; to: unknown }>;
      /** distinguishes two updates of one incident (e.g. the incident event id) */
      updateId: string;
      tenant?: unknown;
    }
  | {
      type: 'alert.received';
      alert: { id: string } & Record<string, unknown>;
      incidentId?: string;
      tenant?: unknown;
    };

let defaultExecutor: Executor | undefined;
function sharedExecutor(): Executor {
  defaultExecutor ??= createExecutor(createLogger());
  return defaultExecutor;
}

/**
 * Starts every enabled playbook of the tenant whose trigger matches, inside the caller's transaction (the
 * ingestion's own), so runs and their first jobs commit with the incident or alert that caused them.
 * Replaying the same event starts nothing new (dedup key per event and playbook). A filter that fails to
 * evaluate skips that playbook and is reported, never thrown.
 */
export async function startTriggeredRuns(
  tx: Tx,
  tenantId: string,
  event: PlaybookTriggerEvent,
  ex: Executor = sharedExecutor(),
): Promise<{ started: string[]; skipped: { playbookId: string; reason: string }[] }> {
  const started: string[] = [];
  const skipped: { playbookId: string; reason: string }[] = [];
  const subject =
    event.type === 'alert.received'
      ? event.alert.id
      : event.type === 'incident.updated'
        ? `${event.incident.id}:${event.updateId}`
        : event.incident.id;
  for (const head of await listPlaybooksByTrigger(tx, tenantId, event.type)) {
    const playbook = await loadDefinition(tx, tenantId, head.id, head.currentVersion);
    const match = await matchTrigger(playbook.trigger, event);
    if (!match.matches) {
      if (match.error) skipped.push({ playbookId: head.id, reason: match.error });
      continue;
    }
    const incidentId = event.type === 'alert.received' ? (event.incidentId ?? null) : event.incident.id;
    const result = await startRun(tx, ex, {
      tenantId,
      playbookId: head.id,
      trigger: event.type,
      incidentId,
      context: {
        ...('incident' in event ? { incident: event.incident } : {}),
        ...('alert' in event && event.alert !== undefined ? { alert: event.alert } : {}),
        ...(event.tenant !== undefined ? { tenant: event.tenant } : {}),
      },
      dedupKey: `${event.type}:${subject}:${head.id}`,
    });
    if (result.ok) started.push(result.runId);
    else
      skipped.push({
        playbookId: head.id,
        reason: 'errors' in result ? result.errors.join('; ') : 'not found',
      });
  }
  return { started, skipped };
}
