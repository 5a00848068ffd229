import { describe, expect, it } from 'vitest';
import { severityFrom, severityFromScale, severityFromWord } from './severity';

describe('severity', () => {
  it.each([
    ['Critical', 'critical'],
    ['Very-High', 'critical'],
    ['HIGH', 'high'],
    ['moderate', 'medium'],
    ['warning', 'medium'],
    ['informational', 'info'],
    ['unknownFutureValue', null],
  ])('word %s -> %s', (w, want) => expect(severityFromWord(w)).toBe(want));

  it.each([
    [10, 10, 'critical'],
    [9, 10, 'critical'],
    [8, 10, 'high'],
    [5, 10, 'medium'],
    [1, 10, 'low'],
    [0, 10, 'info'],
    [73, 100, 'high'],
    [4, 5, 'high'],
  ])('%d on 0..%d -> %s', (v, max, want) => expect(severityFromScale(v, max)).toBe(want));

  it('reads numeric strings and falls back when it cannot', () => {
    expect(severityFrom('7', 10)).toBe('high');
    expect(severityFrom('whatever', 10)).toBe('medium');
    expect(severityFrom(null, 10, 'low')).toBe('low');
  });
});
