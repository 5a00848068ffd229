import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarSeconds, type BusinessCalendar, calendarSecondsBetween } from './business-calendar';
import { DEFAULT_WEEKLY_HOURS } from './default-policies';

const berlin = (holidays: string[] = []): BusinessCalendar => ({
  kind: 'business_hours',
  timezone: 'Europe/Berlin',
  weeklyHours: DEFAULT_WEEKLY_HOURS,
  holidays: new Set(holidays),
});
const H = 3600;

describe('business-hours deadlines', () => {
  it.each([
    // Friday 16:00 Berlin (CEST, +02) + 2 h → Monday 10:00.
    ['2026-06-05T14:00:00Z', 2 * H, [], '2026-06-08T08:00:00.000Z'],
    // Saturday: counting starts Monday 09:00.
    ['2026-06-06T10:00:00Z', 1 * H, [], '2026-06-08T08:00:00.000Z'],
    // Before opening on a weekday: 08:00 + 30 min → 09:30.
    ['2026-06-03T06:00:00Z', 0.5 * H, [], '2026-06-03T07:30:00.000Z'],
    // Exactly the rest of the day ends at closing time, not the next opening.
    ['2026-06-03T13:00:00Z', 2 * H, [], '2026-06-03T15:00:00.000Z'],
    // A holiday Monday pushes the deadline to Tuesday.
    ['2026-06-05T14:00:00Z', 2 * H, ['2026-06-08'], '2026-06-09T08:00:00.000Z'],
    // Across the spring DST change (29 March 2026): Friday 16:00 CET + 2 h → Monday 10:00 CEST.
    ['2026-03-27T15:00:00Z', 2 * H, [], '2026-03-30T08:00:00.000Z'],
  ] as const)('%s + %ss (holidays %j) = %s', (from, seconds, holidays, want) => {
    expect(addCalendarSeconds(berlin([...holidays]), new Date(from), seconds).toISOString()).toBe(want);
  });

  it('24x7 is plain addition', () => {
    expect(addCalendarSeconds({ kind: '24x7' }, new Date('2026-03-29T00:30:00Z'), 2 * H).toISOString()).toBe(
      '2026-03-29T02:30:00.000Z',
    );
  });

  it('counts working seconds between two moments', () => {
    // Friday 16:00 → Monday 10:00 Berlin: one hour on Friday, one on Monday.
    expect(
      calendarSecondsBetween(berlin(), new Date('2026-06-05T14:00:00Z'), new Date('2026-06-08T08:00:00Z')),
    ).toBe(2 * H);
    expect(
      calendarSecondsBetween(berlin(), new Date('2026-06-06T10:00:00Z'), new Date('2026-06-07T10:00:00Z')),
    ).toBe(0);
  });

  it('refuses a week without working hours', () => {
    const closed: BusinessCalendar = {
      kind: 'business_hours',
      timezone: 'UTC',
      weeklyHours: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] },
      holidays: new Set(),
    };
    expect(() => addCalendarSeconds(closed, new Date('2026-01-01T00:00:00Z'), 60)).toThrow(
      /no working hours/,
    );
  });

  const zones = fc.constantFrom(
    'Europe/Berlin',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'UTC',
  );
  const moment = fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2028-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const holidaySets = fc.uniqueArray(
    fc
      .date({
        min: new Date('2025-01-01T00:00:00Z'),
        max: new Date('2029-06-30T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    { maxLength: 30 },
  );

  it('a deadline is never earlier than the start, and the working time up to it is the amount asked', () => {
    fc.assert(
      fc.property(
        zones,
        moment,
        fc.integer({ min: 0, max: 200 * H }),
        holidaySets,
        (timezone, from, seconds, holidays) => {
          const cal: BusinessCalendar = {
            kind: 'business_hours',
            timezone,
            weeklyHours: DEFAULT_WEEKLY_HOURS,
            holidays: new Set(holidays),
          };
          const due = addCalendarSeconds(cal, from, seconds);
          expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(calendarSecondsBetween(cal, from, due)).toBe(seconds);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding in two steps equals adding at once (pause arithmetic relies on it)', () => {
    fc.assert(
      fc.property(
        zones,
        moment,
        fc.integer({ min: 1, max: 60 * H }),
        fc.integer({ min: 1, max: 60 * H }),
        (timezone, from, a, b) => {
          const cal: BusinessCalendar = {
            kind: 'business_hours',
            timezone,
            weeklyHours: DEFAULT_WEEKLY_HOURS,
            holidays: new Set(),
          };
          const once = addCalendarSeconds(cal, from, a + b).getTime();
          const twice = addCalendarSeconds(cal, addCalendarSeconds(cal, from, a), b).getTime();
          expect(twice).toBe(once);
        },
      ),
      { numRuns: 300 },
    );
  });
});
