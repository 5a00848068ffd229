import type { Retry } from './step';

/** Ceiling for exponential backoff when the playbook sets no `max`. */
export const DEFAULT_MAX_BACKOFF_MS = 3_600_000;

export function maxAttempts(retry: Retry | undefined): number {
  return 1 + (retry?.count ?? 0);
}

/**
 * Delay before attempt `attemptsMade + 1`. Deterministic (no jitter) so that replanning the same state gives
 * the same schedule; pg-boss spreads the actual start times anyway.
 */
export function backoffDelay(retry: Retry | undefined, attemptsMade: number): number {
  if (!retry) return 0;
  if (retry.backoff === 'fixed') return retry.base;
  const cap = retry.max ?? DEFAULT_MAX_BACKOFF_MS;
  return Math.min(cap, retry.base * 2 ** Math.max(0, attemptsMade - 1));
}
