import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay';

describe('backoffDelay', () => {
  it("uses the server's Retry-After when given, even beyond the cap", () => {
    expect(backoffDelay(1, { baseMs: 100, maxMs: 1_000, retryAfterMs: 5_000 })).toBe(5_000);
  });

  it('doubles the ceiling per attempt up to the cap, with full jitter', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { baseMs: 100, maxMs: 1_000, random: top }))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1_000, random: () => 0 })).toBe(0);
  });
});
