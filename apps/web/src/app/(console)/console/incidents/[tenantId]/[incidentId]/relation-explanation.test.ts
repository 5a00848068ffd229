import { describe, expect, it } from 'vitest';
import { describeGap, describeTiming } from './relation-explanation';

const at = (iso: string) => new Date(`2026-01-01T${iso}:00Z`);

describe('relation explanation', () => {
  it.each([
    [30_000, 'under a minute'],
    [5 * 60_000, '5 min'],
    [65 * 60_000, '1 h 5 min'],
    [120 * 60_000, '2 h'],
    [(26 * 60 + 10) * 60_000, '1 d 2 h'],
    [-5 * 60_000, '5 min'],
  ])('describeGap(%d) = %s', (ms, text) => expect(describeGap(ms)).toBe(text));

  it('says whether the other incident came before, after or overlapped', () => {
    const here = { firstAlertAt: at('10:00'), lastAlertAt: at('11:00') };
    expect(describeTiming(here, { firstAlertAt: at('08:00'), lastAlertAt: at('09:30') })).toBe(
      "its alerts ended 30 min before this incident's first alert",
    );
    expect(describeTiming(here, { firstAlertAt: at('12:15'), lastAlertAt: at('13:00') })).toBe(
      "its alerts began 1 h 15 min after this incident's last alert",
    );
    expect(describeTiming(here, { firstAlertAt: at('10:30'), lastAlertAt: at('12:00') })).toBe(
      'its alerts overlap this incident in time',
    );
  });
});
