import { CronExpressionParser } from 'cron-parser';
import { evaluateField, isTruthy } from './expressions';
import type { Trigger } from './trigger';

/** An occurrence the worker asks playbooks about; `changes` lists updated fields as { from, to }. */
export type TriggerEvent =
  | { type: 'incident.created'; incident: unknown; alert?: unknown; tenant?: unknown }
  | {
      type: 'incident.updated';
      incident: unknown;
      changes: Record<string, { from: unknown; to: unknown }>;
      tenant?: unknown;
    }
  | { type: 'alert.received'; alert: unknown; tenant?: unknown }
  | { type: 'manual' }
  | { type: 'schedule' }
  | { type: 'called' };

export type TriggerMatch = { matches: boolean; error?: string };

/**
 * Whether an event starts a run of a playbook with this trigger. A filter that fails to evaluate does not
 * match (and says why), so one broken tenant filter never blocks other playbooks.
 */
export async function matchTrigger(trigger: Trigger, event: TriggerEvent): Promise<TriggerMatch> {
  if (trigger.type !== event.type) return { matches: false };
  if (!('filter' in trigger) || trigger.filter === undefined) return { matches: true };
  const scope = event as Record<string, unknown>;
  const r = await evaluateField(trigger.filter, {
    incident: scope.incident,
    alert: scope.alert,
    tenant: scope.tenant,
    changes: scope.changes ?? {},
    inputs: {},
    steps: {},
  });
  return r.ok ? { matches: isTruthy(r.value) } : { matches: false, error: r.error };
}

/** The next fire time strictly after `after` (epoch ms), for the worker's delayed schedule job. */
export function nextScheduledRun(trigger: Extract<Trigger, { type: 'schedule' }>, after: number): number {
  const it = CronExpressionParser.parse(trigger.cron, {
    currentDate: new Date(after),
    ...(trigger.timezone ? { tz: trigger.timezone } : {}),
  });
  return it.next().getTime();
}
