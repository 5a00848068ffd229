import { describe, expect, it } from 'vitest';
import { isWithinActiveHours, nextRunAt } from './next-run-at';

const at = (iso: string) => new Date(iso);
const none = () => 0;

describe('nextRunAt', () => {
  it('cron in its timezone, plus jitter', () => {
    const s = { cron: '0 9 * * *', timezone: 'Europe/Paris', jitter: 60_000 };
    expect(nextRunAt(s, {}, at('2026-11-23T07:00:00Z'), none)).toEqual(at('2026-11-23T08:00:00Z'));
    expect(nextRunAt(s, {}, at('2026-11-23T07:00:00Z'), () => 0.5)).toEqual(at('2026-11-23T08:00:30Z'));
  });

  it('interval moved into the next active window', () => {
    const rules = {
      activeHours: {
        from: '08:00',
        to: '18:00',
        timezone: 'UTC',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
      },
    };
    const s = { every: 3_600_000, jitter: 0 };
    expect(
      nextRunAt(
        s,
        { activeHours: { ...rules.activeHours, days: [...rules.activeHours.days] } },
        at('2026-11-23T10:00:00Z'),
        none,
      ),
    ).toEqual(at('2026-11-23T11:00:00Z'));
    // Friday 17:30 + 1 h is outside: Monday 08:00.
    expect(
      nextRunAt(
        s,
        { activeHours: { ...rules.activeHours, days: [...rules.activeHours.days] } },
        at('2026-11-27T17:30:00Z'),
        none,
      ),
    ).toEqual(at('2026-11-30T08:00:00Z'));
  });

  it('cron skips slots outside active hours', () => {
    const s = { cron: '0 * * * *', timezone: 'UTC', jitter: 0 };
    const hours = { from: '22:00', to: '02:00', timezone: 'UTC', days: ['mon' as const] };
    // Monday 21:10 → 22:00 (inside), Tuesday 01:00 belongs to Monday's window.
    expect(nextRunAt(s, { activeHours: hours }, at('2026-11-23T21:10:00Z'), none)).toEqual(
      at('2026-11-23T22:00:00Z'),
    );
    expect(isWithinActiveHours(at('2026-11-24T01:00:00Z'), hours)).toBe(true);
    expect(isWithinActiveHours(at('2026-11-24T02:00:00Z'), hours)).toBe(false);
  });

  it('listeners have no next run', () => {
    expect(nextRunAt({ listen: true }, {}, new Date())).toBeNull();
  });
});
