import type { LookupContext } from './osint-provider';
import type { LookupResult } from './verdict';

/** A response worth retrying (429, 5xx); `retryAfterMs` from the Retry-After header when sent. */
export class ProviderHttpError extends Error {
  readonly code = 'PROVIDER_HTTP' as const;
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`provider answered ${status}`);
  }
}

/** Retry-After as delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type JsonResponse = { status: number; body: unknown };

/**
 * One HTTP request with the context's fetch and signal. 429 and 5xx throw `ProviderHttpError`;
 * 401/403 become an `unauthorized` error result; other statuses and the parsed JSON go to the caller.
 */
export async function requestJson(
  ctx: LookupContext,
  path: string,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown } = {},
): Promise<JsonResponse | LookupResult> {
  const url = new URL(
    path,
    ctx.credentials.baseUrl.endsWith('/') ? ctx.credentials.baseUrl : `${ctx.credentials.baseUrl}/`,
  );
  const res = await ctx.fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: ctx.signal,
    redirect: 'error',
  });
  if (res.status === 429 || res.status >= 500) {
    await res.body?.cancel();
    throw new ProviderHttpError(res.status, parseRetryAfter(res.headers.get('retry-after')));
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    return {
      status: 'error',
      reason: 'unauthorized',
      message: `provider refused the credentials (${res.status})`,
    };
  }
  const text = await res.text();
  let body: unknown = null;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      return { status: 'error', reason: 'bad_response', message: `non-JSON answer (${res.status})` };
    }
  }
  return { status: res.status, body };
}

export const isResult = (r: JsonResponse | LookupResult): r is LookupResult => typeof r.status === 'string';

/** A 400 other than the expected ones: the provider does not accept this value. */
export const badRequest = (status: number): LookupResult => ({
  status: 'error',
  reason: 'bad_request',
  message: `provider rejected the request (${status})`,
});

export const badResponse = (detail: string): LookupResult => ({
  status: 'error',
  reason: 'bad_response',
  message: `unexpected answer shape: ${detail.slice(0, 200)}`,
});
