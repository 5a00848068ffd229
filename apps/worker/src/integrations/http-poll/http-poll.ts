import { z } from 'zod';
import { nextLinkHeader, valueAtPath } from './json-path';
import { VendorHttpError, vendorRequest } from './vendor-request';

export const HttpPagination = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('next-url'),
    nextPath: z.string().min(1).describe('Body path of the next page URL, e.g. `links.next`'),
  }),
  z.object({
    type: z.literal('cursor'),
    nextPath: z.string().min(1).describe('Body path of the next page token'),
    param: z.string().min(1).describe('Query parameter that carries the token'),
  }),
  z.object({
    type: z.literal('offset'),
    offsetParam: z.string().min(1).default('offset'),
    limitParam: z.string().min(1).default('limit'),
  }),
  z.object({ type: z.literal('link-header') }),
]);
export type HttpPagination = z.infer<typeof HttpPagination>;

export const HttpPollConfig = z.object({
  url: z.url({ protocol: /^https?$/ }).describe('First page; query parameters allowed'),
  method: z.enum(['GET', 'POST']).default('GET'),
  headers: z
    .record(z.string(), z.string())
    .default({})
    .describe('Extra headers (never secrets: use `secrets`)'),
  body: z.unknown().optional().describe('JSON body for POST'),
  auth: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('none') }),
      z.object({ type: z.literal('bearer') }),
      z.object({ type: z.literal('header'), name: z.string().min(1).describe('e.g. X-API-Key') }),
      z.object({ type: z.literal('basic') }).describe('secret is `user:password`'),
    ])
    .default({ type: 'none' }),
  itemsPath: z.string().default('').describe('Body path of the item array; empty: the body is the array'),
  idPath: z.string().min(1).describe("Item path of the source's own id (dedup key)"),
  timePath: z
    .string()
    .min(1)
    .optional()
    .describe('Item path of the event time (ISO or epoch), for `sinceParam`'),
  sinceParam: z.string().min(1).optional().describe('Query parameter sent with the newest time seen so far'),
  sinceFormat: z.enum(['iso', 'epoch-seconds', 'epoch-millis']).default('iso'),
  pagination: HttpPagination.default({ type: 'none' }),
  pageSize: z.int().min(1).max(10_000).default(100).describe('`limit` for offset pagination'),
  timeoutMs: z.int().min(100).max(120_000).default(30_000),
});
export type HttpPollConfig = z.infer<typeof HttpPollConfig>;

/** Where paging stands: the page to fetch next, and the newest event time of the pages read. */
export const HttpPollCursor = z.object({
  since: z.iso.datetime().optional(),
  next: z
    .object({ url: z.url().optional(), token: z.string().optional(), offset: z.int().min(0).optional() })
    .optional(),
  maxSeen: z.iso.datetime().optional(),
});
export type HttpPollCursor = z.infer<typeof HttpPollCursor>;

export type HttpPollPage = {
  items: { id: string; item: Record<string, unknown> }[];
  next: HttpPollCursor['next'] | null;
  maxSeen: string | undefined;
  /** Items without an id at `idPath` (not returned: they could not be deduplicated). */
  failed: string[];
};

const VENDOR = 'HTTP poll';

function eventTime(v: unknown): number | null {
  if (typeof v === 'number') return v > 1e11 ? v : v * 1000;
  if (typeof v === 'string') {
    if (/^\d+(\.\d+)?$/.test(v)) return eventTime(Number(v));
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

function formatSince(iso: string, format: HttpPollConfig['sinceFormat']): string {
  const ms = Date.parse(iso);
  return format === 'iso' ? iso : format === 'epoch-seconds' ? String(Math.floor(ms / 1000)) : String(ms);
}

/** Fetches one page of a JSON API as the config describes, from the cursor. */
export async function fetchHttpPollPage(input: {
  config: HttpPollConfig;
  cursor: HttpPollCursor | null;
  secret: string | null;
  lookBackFrom: Date;
  maxItems: number;
  signal?: AbortSignal;
}): Promise<HttpPollPage> {
  const { config, cursor } = input;
  const since = cursor?.since ?? input.lookBackFrom.toISOString();
  const url = new URL(cursor?.next?.url ?? config.url);
  if (!cursor?.next?.url) {
    if (config.sinceParam) url.searchParams.set(config.sinceParam, formatSince(since, config.sinceFormat));
    const p = config.pagination;
    if (p.type === 'cursor' && cursor?.next?.token) url.searchParams.set(p.param, cursor.next.token);
    if (p.type === 'offset') {
      url.searchParams.set(p.offsetParam, String(cursor?.next?.offset ?? 0));
      url.searchParams.set(p.limitParam, String(Math.min(config.pageSize, input.maxItems)));
    }
  }
  if (url.origin !== new URL(config.url).origin) {
    throw new VendorHttpError(VENDOR, 'bad_response', `next page is on another host (${url.origin})`);
  }
  const res = await vendorRequest({
    vendor: VENDOR,
    url,
    method: config.method,
    headers: { ...config.headers, ...authHeaders(config.auth, input.secret) },
    ...(config.method === 'POST' && config.body !== undefined ? { json: config.body } : {}),
    timeoutMs: config.timeoutMs,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const list = valueAtPath(res.body, config.itemsPath);
  if (!Array.isArray(list)) {
    throw new VendorHttpError(VENDOR, 'bad_response', `no array at "${config.itemsPath || '(body)'}"`);
  }
  const items: HttpPollPage['items'] = [];
  const failed: string[] = [];
  let maxSeen = cursor?.maxSeen ?? since;
  list.forEach((item, n) => {
    const id = valueAtPath(item, config.idPath);
    if (
      item === null ||
      typeof item !== 'object' ||
      Array.isArray(item) ||
      (typeof id !== 'string' && typeof id !== 'number')
    ) {
      failed.push(`item ${n}: no id at "${config.idPath}"`);
      return;
    }
    items.push({ id: String(id), item: item as Record<string, unknown> });
    const t = config.timePath ? eventTime(valueAtPath(item, config.timePath)) : null;
    if (t !== null && t > Date.parse(maxSeen)) maxSeen = new Date(t).toISOString();
  });
  return { items, next: nextPage(config, cursor, url, res.body, res.headers, list.length), maxSeen, failed };
}

function nextPage(
  config: HttpPollConfig,
  cursor: HttpPollCursor | null,
  url: URL,
  body: unknown,
  headers: Headers,
  count: number,
): HttpPollCursor['next'] | null {
  const p = config.pagination;
  switch (p.type) {
    case 'none':
      return null;
    case 'next-url': {
      const next = valueAtPath(body, p.nextPath);
      return typeof next === 'string' && next ? { url: new URL(next, url).toString() } : null;
    }
    case 'cursor': {
      const token = valueAtPath(body, p.nextPath);
      return (typeof token === 'string' || typeof token === 'number') && token !== ''
        ? { token: String(token) }
        : null;
    }
    case 'offset': {
      const limit = Number(url.searchParams.get(p.limitParam));
      return count < limit ? null : { offset: (cursor?.next?.offset ?? 0) + count };
    }
    case 'link-header': {
      const next = nextLinkHeader(headers.get('link'), url);
      return next ? { url: next.toString() } : null;
    }
  }
}

function authHeaders(auth: HttpPollConfig['auth'], secret: string | null): Record<string, string> {
  if (auth.type === 'none') return {};
  if (!secret) throw new Error('secret "http" is not configured but auth needs it');
  if (auth.type === 'bearer') return { authorization: `Bearer ${secret}` };
  if (auth.type === 'basic') return { authorization: `Basic ${Buffer.from(secret).toString('base64')}` };
  return { [auth.name]: secret };
}
