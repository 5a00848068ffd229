import type { z } from 'zod';
import { parseRetryAfter } from '../osint/provider-http';

export type VendorErrorReason =
  | 'unauthorized'
  | 'rate_limited'
  | 'server_error'
  | 'client_error'
  | 'bad_response'
  | 'timeout'
  | 'unreachable';

/**
 * A vendor call that did not produce a usable answer. The message names the vendor, status and
 * reason, and is what the daemon's run history and the incident timeline show; `retryAfterMs`
 * carries a 429's Retry-After so a retry can wait at least that long.
 */
export class VendorHttpError extends Error {
  readonly code = 'VENDOR_HTTP' as const;
  constructor(
    readonly vendor: string,
    readonly reason: VendorErrorReason,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${vendor}: ${message}`);
  }
}

export type VendorRequest = {
  /** Names the service in error messages (`Splunk`, `TAXII`). */
  vendor: string;
  url: string | URL;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is (the caller sets content-type), e.g. a body whose exact bytes are signed. */
  rawBody?: string;
  /** Sent as application/x-www-form-urlencoded (Splunk's REST API). */
  form?: Record<string, string> | URLSearchParams;
  /** JSON media type to ask for (TAXII wants its own). */
  accept?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Statuses the caller handles itself instead of an error (e.g. 404 for an expired Splunk job). */
  allowStatus?: readonly number[];
};

export type VendorResponse = { status: number; headers: Headers; body: unknown };

const DEFAULT_TIMEOUT_MS = 30_000;
/** Error messages quote at most this much of a vendor's answer. */
const DETAIL_CHARS = 200;

/**
 * One HTTP request to a SIEM or feed, answered as parsed JSON (null for an empty body). 401/403,
 * 429, 5xx, other 4xx, non-JSON answers, timeouts and connection failures all throw a
 * VendorHttpError with the reason; the caller keeps its cursor where it was.
 */
export async function vendorRequest(req: VendorRequest): Promise<VendorResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: req.accept ?? 'application/json', ...req.headers };
  let body: string | undefined = req.rawBody;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  }
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, { method: req.method ?? 'GET', headers, body, signal, redirect: 'error' });
    text = await res.text();
  } catch (err) {
    if (timeout.aborted && !req.signal?.aborted) {
      throw new VendorHttpError(
        req.vendor,
        'timeout',
        `no answer within ${req.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`,
      );
    }
    if (req.signal?.aborted) throw err;
    const cause =
      err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new VendorHttpError(req.vendor, 'unreachable', `cannot connect (${cause})`);
  }
  const allowed = req.allowStatus?.includes(res.status) ?? false;
  if (!allowed && res.status >= 400) throw statusError(req.vendor, res, text);
  if (text.trim().length === 0) return { status: res.status, headers: res.headers, body: null };
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(text) };
  } catch {
    throw new VendorHttpError(
      req.vendor,
      'bad_response',
      `HTTP ${res.status} answer is not JSON: ${JSON.stringify(text.slice(0, DETAIL_CHARS))}`,
      res.status,
    );
  }
}

function statusError(vendor: string, res: Response, text: string): VendorHttpError {
  const detail = text.trim() ? `: ${text.trim().slice(0, DETAIL_CHARS)}` : '';
  if (res.status === 401 || res.status === 403) {
    return new VendorHttpError(
      vendor,
      'unauthorized',
      `HTTP ${res.status}, credentials refused${detail}`,
      res.status,
    );
  }
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    const wait = retryAfterMs === undefined ? '' : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
    return new VendorHttpError(vendor, 'rate_limited', `HTTP 429, rate limited${wait}`, 429, retryAfterMs);
  }
  if (res.status >= 500)
    return new VendorHttpError(vendor, 'server_error', `HTTP ${res.status}${detail}`, res.status);
  return new VendorHttpError(vendor, 'client_error', `HTTP ${res.status}${detail}`, res.status);
}

/** `base` + `path`, keeping a base path (`https://host/splunk/` + `services/...`). */
export function joinUrl(base: string, path: string): URL {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
}

/** A vendor answer that is JSON but not the documented shape: a `bad_response` naming the first problem. */
export function parseVendorBody<T>(vendor: string, schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new VendorHttpError(
    vendor,
    'bad_response',
    `unexpected ${what} answer${where}: ${issue?.message ?? 'invalid'}`,
  );
}
