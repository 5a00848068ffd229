import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { type Severity, slaCalendars, slaHolidays, slaPolicies, slaTimers } from '../../schema/index';
import { reconcileIncidentSla } from './reconcile-incident-sla';
import { type HolidayInput, SlaPolicyInput, WeeklyHoursInput } from './sla-policy-input';

/** Running clocks re-evaluated per settings change; beyond it the rest catch up on their next change. */
const MAX_REEVALUATED = 2000;

/** Saves one severity's policy (validated, fractions and steps sorted) and re-evaluates its running clocks. */
export async function saveSlaPolicy(tx: Tx, tenantId: string, input: SlaPolicyInput) {
  const p = SlaPolicyInput.parse(input);
  const values = {
    enabled: p.enabled,
    assignMinutes: p.assignMinutes,
    resolveMinutes: p.resolveMinutes,
    calendar: p.calendar,
    warningFractions: p.warningFractions,
    escalation: p.escalation,
    updatedAt: new Date(),
  };
  await tx
    .insert(slaPolicies)
    .values({ tenantId, severity: p.severity, ...values })
    .onConflictDoUpdate({ target: [slaPolicies.tenantId, slaPolicies.severity], set: values });
  const reevaluated = await reevaluateOpenSla(tx, tenantId, [p.severity]);
  return { policy: p, reevaluated };
}

/** Saves the tenant's working week and re-evaluates its running business-hours clocks. */
export async function saveWeeklyHours(tx: Tx, tenantId: string, input: WeeklyHoursInput) {
  const weeklyHours = WeeklyHoursInput.parse(input);
  await tx
    .insert(slaCalendars)
    .values({ tenantId, weeklyHours, updatedAt: new Date() })
    .onConflictDoUpdate({ target: slaCalendars.tenantId, set: { weeklyHours, updatedAt: new Date() } });
  return { weeklyHours, reevaluated: await reevaluateOpenSla(tx, tenantId) };
}

/** Adds (or renames) a holiday; returns whether the day was new. */
export async function saveHoliday(tx: Tx, tenantId: string, holiday: HolidayInput) {
  const [row] = await tx
    .insert(slaHolidays)
    .values({ tenantId, day: holiday.day, name: holiday.name })
    .onConflictDoUpdate({ target: [slaHolidays.tenantId, slaHolidays.day], set: { name: holiday.name } })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const reevaluated = await reevaluateOpenSla(tx, tenantId);
  return { created: Boolean(row?.inserted), reevaluated };
}

/** Removes a holiday; false when the tenant had none that day. */
export async function removeHoliday(tx: Tx, tenantId: string, day: string) {
  const removed = await tx
    .delete(slaHolidays)
    .where(and(eq(slaHolidays.tenantId, tenantId), eq(slaHolidays.day, day)))
    .returning({ day: slaHolidays.day });
  if (removed.length === 0) return { removed: false, reevaluated: 0 };
  return { removed: true, reevaluated: await reevaluateOpenSla(tx, tenantId) };
}

/** Re-reconciles incidents whose clocks run (optionally only on some severities' policies). */
async function reevaluateOpenSla(tx: Tx, tenantId: string, severities?: readonly Severity[]) {
  const open = await tx
    .selectDistinct({ incidentId: slaTimers.incidentId })
    .from(slaTimers)
    .where(
      and(
        eq(slaTimers.tenantId, tenantId),
        inArray(slaTimers.state, ['running', 'paused']),
        ...(severities ? [inArray(slaTimers.severity, [...severities])] : []),
      ),
    )
    .limit(MAX_REEVALUATED);
  for (const { incidentId } of open) await reconcileIncidentSla(tx, tenantId, incidentId);
  return open.length;
}
