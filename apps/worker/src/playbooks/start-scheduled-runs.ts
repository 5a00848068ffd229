import type { Db } from '@palisade/db/client';
import { getPlaybook } from '@palisade/db/queries/playbooks/catalog';
import { listScheduledPlaybooks } from '@palisade/db/queries/playbooks/scheduled-playbooks';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { Trigger } from '@palisade/playbook/trigger';
import { CronExpressionParser } from 'cron-parser';
import type { Logger } from 'pino';
import type { Executor } from './executor';
import { loadDefinition } from './load-definition';
import { startRun } from './start-run';

/**
 * How late a tick may come and still fire the slot it missed (a worker restart, a slow minute).
 * Older slots are not back-filled: a schedule that was down for a day runs once, not 1,440 times.
 */
export const SCHEDULE_CATCH_UP_MS = 10 * 60_000;

/** The latest fire time of `trigger` at or before `now`, or null when the cron never fired before it. */
export function lastScheduledSlot(trigger: Extract<Trigger, { type: 'schedule' }>, now: Date): Date | null {
  const it = CronExpressionParser.parse(trigger.cron, {
    // prev() is strictly before currentDate: one millisecond past now makes a slot at exactly now count.
    currentDate: new Date(now.getTime() + 1),
    ...(trigger.timezone ? { tz: trigger.timezone } : {}),
  });
  try {
    return it.prev().toDate();
  } catch {
    return null;
  }
}

/** The run key of one slot: a second tick, a second worker or a retry of the same slot starts nothing. */
export const scheduledRunKey = (playbookId: string, slot: Date) =>
  `schedule:${playbookId}:${slot.toISOString()}`;

export type ScheduleTickResult = {
  started: { tenantId: string; playbookId: string; runId: string; slot: string }[];
  failed: { tenantId: string; playbookId: string; error: string }[];
};

/**
 * One tick: for every enabled `schedule` playbook of an active tenant, starts the run of its latest
 * due slot (within SCHEDULE_CATCH_UP_MS, not before the playbook existed) with the slot in the dedup
 * key, so each slot runs exactly once however many ticks or workers see it. Each tenant in its own
 * transaction: one tenant's failing playbook never holds back another tenant's.
 */
export async function startDueScheduledRuns(
  deps: { db: Db; ex: Executor; log: Logger },
  now: Date = new Date(deps.ex.now()),
): Promise<ScheduleTickResult> {
  const byTenant = new Map<string, string[]>();
  for (const s of await listScheduledPlaybooks(deps.db)) {
    byTenant.set(s.tenantId, [...(byTenant.get(s.tenantId) ?? []), s.playbookId]);
  }
  const result: ScheduleTickResult = { started: [], failed: [] };
  for (const [tenantId, playbookIds] of byTenant) {
    for (const playbookId of playbookIds) {
      try {
        const started = await withTenantOn(deps.db, tenantId, async (tx) => {
          const head = await getPlaybook(tx, tenantId, playbookId);
          if (!head?.enabled || head.triggerType !== 'schedule') return null;
          const { trigger } = await loadDefinition(tx, tenantId, head.id, head.currentVersion);
          if (trigger.type !== 'schedule') return null;
          const slot = lastScheduledSlot(trigger, now);
          if (!slot || slot.getTime() < now.getTime() - SCHEDULE_CATCH_UP_MS || slot < head.createdAt)
            return null;
          const run = await startRun(tx, deps.ex, {
            tenantId,
            playbookId: head.id,
            trigger: 'schedule',
            dedupKey: scheduledRunKey(head.id, slot),
          });
          if (!run.ok) throw new Error('errors' in run ? run.errors.join('; ') : 'playbook not found');
          return run.duplicate ? null : { runId: run.runId, slot: slot.toISOString() };
        });
        if (started) result.started.push({ tenantId, playbookId, ...started });
      } catch (err) {
        deps.log.warn(
          { err, tenant_id: tenantId, playbook_id: playbookId },
          'scheduled playbook not started',
        );
        result.failed.push({ tenantId, playbookId, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return result;
}
