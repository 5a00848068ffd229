import { eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import {
  type Severity,
  severityLevel,
  slaCalendars,
  slaHolidays,
  slaPolicies,
  tenants,
} from '../../schema/index';
import type { BusinessCalendar } from './business-calendar';
import { DEFAULT_SLA_POLICIES, DEFAULT_WEEKLY_HOURS } from './default-policies';
import type { SlaPolicyConfig } from './sla-policy-input';

export type EffectivePolicy = SlaPolicyConfig & {
  /** False: the built-in default, the tenant never saved this severity. */
  custom: boolean;
};

/** Every severity's policy for the tenant: its saved row, or the built-in default. */
export async function loadSlaPolicies(tx: Tx, tenantId: string): Promise<EffectivePolicy[]> {
  const rows = await tx.select().from(slaPolicies).where(eq(slaPolicies.tenantId, tenantId));
  const saved = new Map(rows.map((r) => [r.severity, r]));
  return severityLevel.enumValues.map((severity) => {
    const row = saved.get(severity);
    if (!row) return { ...DEFAULT_SLA_POLICIES[severity], custom: false };
    return {
      severity,
      enabled: row.enabled,
      assignMinutes: row.assignMinutes,
      resolveMinutes: row.resolveMinutes,
      calendar: row.calendar,
      warningFractions: row.warningFractions,
      escalation: row.escalation,
      custom: true,
    };
  });
}

export async function loadSlaPolicy(tx: Tx, tenantId: string, severity: Severity): Promise<EffectivePolicy> {
  const all = await loadSlaPolicies(tx, tenantId);
  return all.find((p) => p.severity === severity) as EffectivePolicy;
}

export type TenantCalendar = Extract<BusinessCalendar, { kind: 'business_hours' }> & { custom: boolean };

/** The tenant's business hours (saved or Mon–Fri 09–17), timezone and holidays. */
export async function loadTenantCalendar(tx: Tx, tenantId: string): Promise<TenantCalendar> {
  const [tenant] = await tx
    .select({ timezone: tenants.timezone })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const [row] = await tx.select().from(slaCalendars).where(eq(slaCalendars.tenantId, tenantId));
  const holidays = await tx
    .select({ day: slaHolidays.day })
    .from(slaHolidays)
    .where(eq(slaHolidays.tenantId, tenantId));
  return {
    kind: 'business_hours',
    timezone: tenant?.timezone ?? 'UTC',
    weeklyHours: row?.weeklyHours ?? DEFAULT_WEEKLY_HOURS,
    holidays: new Set(holidays.map((h) => h.day)),
    custom: row !== undefined,
  };
}

/** The clock a timer on `kind` counts with. */
export function calendarOf(
  kind: SlaPolicyConfig['calendar'],
  tenantCalendar: TenantCalendar,
): BusinessCalendar {
  return kind === '24x7' ? { kind: '24x7' } : tenantCalendar;
}
