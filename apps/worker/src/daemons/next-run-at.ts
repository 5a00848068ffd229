import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import type { DaemonRules, DaemonSchedule } from './definition';

type ActiveHours = NonNullable<DaemonRules['activeHours']>;
const DAY_INDEX = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

/** Whether `at` falls inside the daemon's active hours (a window may wrap midnight: 22:00–06:00). */
export function isWithinActiveHours(at: Date, hours: ActiveHours | undefined): boolean {
  if (!hours) return true;
  const local = DateTime.fromJSDate(at, { zone: hours.timezone });
  const minutes = local.hour * 60 + local.minute;
  const from = toMinutes(hours.from);
  const to = toMinutes(hours.to);
  const wraps = from > to;
  const inWindow = wraps ? minutes >= from || minutes < to : minutes >= from && minutes < to;
  // For a window past midnight, the early-morning part belongs to the previous day's window.
  const day = wraps && minutes < to ? local.minus({ days: 1 }).weekday : local.weekday;
  return inWindow && hours.days.some((d) => DAY_INDEX[d] === day);
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Start of the next active window strictly after `at` (minute resolution, at most 8 days ahead). */
function nextWindowStart(at: Date, hours: ActiveHours): Date {
  let t = DateTime.fromJSDate(at, { zone: hours.timezone }).startOf('minute').plus({ minutes: 1 });
  const limit = t.plus({ days: 8 });
  while (t < limit) {
    if (isWithinActiveHours(t.toJSDate(), hours)) return t.toJSDate();
    t = t.plus({ minutes: 1 });
  }
  return limit.toJSDate();
}

/**
 * When a polling daemon should run next after `from`: the next cron time or `from + every`, moved
 * into the active hours, plus a random jitter so daemons sharing a schedule do not all start at once.
 * `random` is injectable so tests are deterministic.
 */
export function nextRunAt(
  schedule: DaemonSchedule,
  rules: Pick<DaemonRules, 'activeHours'>,
  from: Date,
  random: () => number = Math.random,
): Date | null {
  if ('listen' in schedule) return null;
  let base: Date;
  if ('cron' in schedule) {
    const expr = CronExpressionParser.parse(schedule.cron, { currentDate: from, tz: schedule.timezone });
    base = expr.next().toDate();
    for (let i = 0; i < 10_000 && !isWithinActiveHours(base, rules.activeHours); i++) {
      base = expr.next().toDate();
    }
  } else {
    base = new Date(from.getTime() + schedule.every);
    if (rules.activeHours && !isWithinActiveHours(base, rules.activeHours)) {
      base = nextWindowStart(base, rules.activeHours);
    }
  }
  return new Date(base.getTime() + Math.floor(random() * schedule.jitter));
}
