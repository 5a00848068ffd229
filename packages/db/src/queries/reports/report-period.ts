import { DateTime } from 'luxon';
import type { ReportFrequency } from '../../schema/index';

/**
 * The last complete period before `now` in the tenant's time zone: the previous Monday-to-Monday week
 * or the previous calendar month. A cron firing twice in the same period gets the same slot.
 */
export function lastCompletePeriod(
  frequency: ReportFrequency,
  now: Date,
  timeZone: string,
): { from: Date; to: Date; slot: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const zoned = local.isValid ? local : DateTime.fromJSDate(now, { zone: 'UTC' });
  const unit = frequency === 'weekly' ? 'week' : 'month';
  const to = zoned.startOf(unit);
  const from = to.minus(frequency === 'weekly' ? { weeks: 1 } : { months: 1 });
  return { from: from.toJSDate(), to: to.toJSDate(), slot: `${frequency}:${from.toISODate()}` };
}

/** Whole local days `[fromDay 00:00, toDay + 1 day 00:00)` in a time zone, as instants. */
export function localDayRange(fromDay: string, toDay: string, timeZone: string): { from: Date; to: Date } {
  const zone = DateTime.local().setZone(timeZone).isValid ? timeZone : 'UTC';
  return {
    from: DateTime.fromISO(fromDay, { zone }).startOf('day').toJSDate(),
    to: DateTime.fromISO(toDay, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}
