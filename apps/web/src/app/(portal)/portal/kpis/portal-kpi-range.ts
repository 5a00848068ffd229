import type { KpiPeriod } from '@palisade/db/queries/kpis/tenant-kpis';

/** The portal's range choices: whole months back from the current one. */
export const PORTAL_RANGES = { '3m': 3, '6m': 6, '12m': 12 } as const;
export type PortalRange = keyof typeof PORTAL_RANGES;

/**
 * [from, to) for "the last n months": from the first of the month n−1 months ago to the first of
 * next month (UTC), and the trend's bucket (weeks for 3 months, months otherwise).
 */
export function portalKpiRange(range: PortalRange, today: Date): { from: Date; to: Date; period: KpiPeriod } {
  const months = PORTAL_RANGES[range];
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  return {
    from: new Date(Date.UTC(y, m - (months - 1), 1)),
    to: new Date(Date.UTC(y, m + 1, 1)),
    period: months <= 3 ? 'week' : 'month',
  };
}

export function parsePortalRange(value: string | null): PortalRange {
  return value !== null && Object.hasOwn(PORTAL_RANGES, value) ? (value as PortalRange) : '6m';
}
