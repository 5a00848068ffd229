import { expect, it } from 'vitest';
import { formatDuration, formatPercent } from './format-duration';

it.each([
  [null, '—'],
  [0, '0s'],
  [45.4, '45s'],
  [260, '4m 20s'],
  [3600 + 5 * 60 + 59, '1h 05m'],
  [2 * 86_400 + 4 * 3600 + 30, '2d 4h'],
  [Number.NaN, '—'],
])('formatDuration(%s) = %s', (input, want) => expect(formatDuration(input)).toBe(want));

it.each([
  [null, '—'],
  [0.75, '75%'],
  [1 / 3, '33%'],
  [1, '100%'],
])('formatPercent(%s) = %s', (input, want) => expect(formatPercent(input)).toBe(want));
