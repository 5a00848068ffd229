/**
 * Delay before retry `attempt` (1-based): the server's Retry-After when given, else exponential
 * backoff with full jitter, capped.
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; maxMs: number; retryAfterMs?: number; random?: () => number },
): number {
  if (options.retryAfterMs !== undefined) return options.retryAfterMs;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (options.random ?? Math.random)());
}
