import { describe, expect, it } from 'vitest';
import { lastCompletePeriod } from './report-period';

describe('lastCompletePeriod', () => {
  it('is the previous calendar month in the tenant zone', () => {
    const p = lastCompletePeriod('monthly', new Date('2026-11-23T15:00:00Z'), 'Europe/Berlin');
    expect(p.from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(p.slot).toBe('monthly:2026-10-01');
  });

  it('is the previous Monday-to-Monday week, the same slot all week', () => {
    const a = lastCompletePeriod('weekly', new Date('2026-11-23T00:30:00Z'), 'UTC');
    const b = lastCompletePeriod('weekly', new Date('2026-11-29T23:00:00Z'), 'UTC');
    expect(a).toEqual(b);
    expect(a.from.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(a.to.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
