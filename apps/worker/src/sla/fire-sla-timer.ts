import type { Db } from '@palisade/db/database';
import {
  type FireDueSlaTimersOptions,
  type FiredSlaTimer,
  fireDueSlaTimers,
  SLA_FIRING_BATCH,
} from '@palisade/db/queries/sla/fire-due-sla-timers';
import { withTenantOn } from '@palisade/db/with-tenant';

export type SlaFiringSummary = { timers: number; events: number; fired: FiredSlaTimer[] };

/**
 * Fires a tenant's due SLA timers in one tenant transaction (see fireDueSlaTimers: each event once,
 * a few set-based statements for the whole batch). A delayed job for one timer fires every timer of
 * its tenant that is due by then, so a backlog drains in batches instead of one transaction per
 * timer; the sibling jobs then find their timer done and return at once. No rendering or recipient
 * lookups here (notices are their own job), so firing stays on time under load.
 */
export async function fireTenantSlaTimers(
  db: Db,
  tenantId: string,
  options: FireDueSlaTimersOptions = {},
): Promise<SlaFiringSummary> {
  const fired = await withTenantOn(db, tenantId, (tx) => fireDueSlaTimers(tx, tenantId, options));
  return { timers: fired.length, events: fired.reduce((n, f) => n + f.events.length, 0), fired };
}

/**
 * The sweeper's overdue list (every tenant, ids only) fired tenant by tenant: one transaction per
 * tenant and SLA_FIRING_BATCH of its listed timers.
 */
export async function fireListedSlaTimers(
  db: Db,
  due: readonly { tenantId: string; timerId: string }[],
  now?: Date,
): Promise<{ tenants: number; timers: number; events: number }> {
  const byTenant = new Map<string, string[]>();
  for (const d of due) byTenant.set(d.tenantId, [...(byTenant.get(d.tenantId) ?? []), d.timerId]);
  let timers = 0;
  let events = 0;
  for (const [tenantId, listed] of byTenant) {
    for (let i = 0; i < listed.length; i += SLA_FIRING_BATCH) {
      const timerIds = listed.slice(i, i + SLA_FIRING_BATCH);
      const result = await fireTenantSlaTimers(db, tenantId, { timerIds, ...(now ? { now } : {}) });
      timers += result.timers;
      events += result.events;
    }
  }
  return { tenants: byTenant.size, timers, events };
}
