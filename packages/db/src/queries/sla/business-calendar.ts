import { DateTime } from 'luxon';
import type { SlaWeeklyHours } from '../../schema/index';

/**
 * The clock an SLA counts on: every second (24x7), or only the tenant's weekly working hours in its
 * timezone, skipping holidays (local dates `YYYY-MM-DD`).
 */
export type BusinessCalendar =
  | { kind: '24x7' }
  | {
      kind: 'business_hours';
      timezone: string;
      weeklyHours: SlaWeeklyHours;
      holidays: ReadonlySet<string>;
    };

/** A calendar with no working time at all would never reach a deadline: ten years of days is the bound. */
const MAX_DAYS = 3700;

export class CalendarError extends Error {
  readonly code = 'SLA_CALENDAR' as const;
}

/** `from` plus `seconds` of working time. A deadline that falls outside hours moves to the next opening. */
export function addCalendarSeconds(calendar: BusinessCalendar, from: Date, seconds: number): Date {
  if (calendar.kind === '24x7' || seconds <= 0) return new Date(from.getTime() + Math.max(0, seconds) * 1000);
  let remainingMs = seconds * 1000;
  for (const [start, end] of workingIntervals(calendar, from)) {
    const available = end - start;
    if (remainingMs <= available) return new Date(start + remainingMs);
    remainingMs -= available;
  }
  throw new CalendarError('the business calendar has no working hours within ten years');
}

/** Working seconds in [from, to); 0 when `to` is not after `from`. */
export function calendarSecondsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  if (calendar.kind === '24x7') return (to.getTime() - from.getTime()) / 1000;
  let totalMs = 0;
  for (const [start, end] of workingIntervals(calendar, from)) {
    if (start >= to.getTime()) break;
    totalMs += Math.min(end, to.getTime()) - start;
  }
  return totalMs / 1000;
}

/**
 * Working intervals [startMs, endMs) from `from` on, in order, clipped to start at `from`. Local wall
 * times are resolved per day in the tenant's zone, so a DST change shortens or lengthens that day's
 * hours instead of shifting them.
 */
function* workingIntervals(
  calendar: Extract<BusinessCalendar, { kind: 'business_hours' }>,
  from: Date,
): Generator<[number, number]> {
  const fromMs = from.getTime();
  let day = DateTime.fromMillis(fromMs, { zone: calendar.timezone }).startOf('day');
  if (!day.isValid) throw new CalendarError(`unknown timezone: ${calendar.timezone}`);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }).startOf('day')) {
    if (calendar.holidays.has(day.toISODate() ?? '')) continue;
    const hours = calendar.weeklyHours[String(day.weekday) as keyof SlaWeeklyHours] ?? [];
    const intervals = hours
      .map(([s, e]) => [wallTime(day, s), wallTime(day, e)] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    for (const [s, e] of intervals) {
      const start = Math.max(s, fromMs);
      if (e > start) yield [start, e];
    }
  }
}

/** `HH:mm` on that local day; `24:00` is the next midnight. */
function wallTime(day: DateTime, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 24) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 }).toMillis();
}
