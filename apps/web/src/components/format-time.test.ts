import { describe, expect, it } from 'vitest';
import { formatTime } from './format-time';

describe('formatTime', () => {
  it('prints UTC to the minute', () => {
    expect(formatTime(new Date('2026-03-04T05:06:07.890Z'))).toBe('2026-03-04 05:06 UTC');
  });
});
