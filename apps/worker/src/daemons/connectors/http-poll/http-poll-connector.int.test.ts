import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpPollConfig, type HttpPollCursor } from '../../../integrations/http-poll/http-poll';
import {
  type JsonApiStandIn,
  startJsonApiStandIn,
} from '../../../integrations/http-poll/test/json-api-stand-in';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import { httpPollConnector } from './http-poll-connector';

const NOW = new Date('2026-03-01T12:00:00Z');
let api: JsonApiStandIn;
beforeAll(async () => {
  api = await startJsonApiStandIn();
});
afterAll(() => api.close());
beforeEach(() => {
  api.events.length = 0;
  api.requests.length = 0;
});

const ev = (id: string, minutesAgo: number) => ({
  id,
  time: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  title: `event ${id}`,
});

const config = (mode: string, pagination: unknown) =>
  HttpPollConfig.parse({
    url: `${api.url}/${mode}`,
    auth: { type: 'bearer' },
    itemsPath: 'data.items',
    idPath: 'id',
    timePath: 'time',
    sinceParam: 'since',
    pagination,
    pageSize: 2,
    timeoutMs: 1000,
  });

async function drain(cfg: HttpPollConfig, cursor: HttpPollCursor | null, token = 'api-token') {
  const ids: string[] = [];
  let c = cursor;
  for (let i = 0; i < 20; i++) {
    const r = await httpPollConnector.run(
      runContext({
        config: cfg,
        cursor: c,
        now: NOW,
        lookBackFrom: new Date(NOW.getTime() - 3600_000),
        secrets: { http: { secret: token, baseUrl: null } },
      }),
    );
    ids.push(...r.items.map((x) => x.sourceId));
    c = r.cursor;
    if (!r.hasMore) return { ids, cursor: c };
  }
  throw new Error('paging did not end');
}

describe('http-poll connector', () => {
  it.each([
    ['offset', { type: 'offset' }],
    ['cursor', { type: 'cursor', nextPath: 'next_token', param: 'page_token' }],
    ['next-url', { type: 'next-url', nextPath: 'links.next' }],
    ['link-header', { type: 'link-header' }],
  ])('pages with %s pagination and moves `since` to the newest event', async (mode, pagination) => {
    api.events.push(ev('a', 50), ev('b', 40), ev('c', 30), ev('d', 20), ev('e', 10), ev('old', 120));
    const cfg = config(mode, pagination);
    const first = await drain(cfg, null);
    expect(first.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(first.cursor).toEqual({ since: '2026-03-01T11:50:00.000Z' });
    api.events.push(ev('f', 5));
    const second = await drain(cfg, first.cursor);
    expect(second.ids).toEqual(['e', 'f']);
    expect(api.requests.every((r) => r.url.searchParams.get('since') !== null)).toBe(true);
  });

  it('reports items without an id as failed and still returns the others', async () => {
    api.events.push(ev('a', 50), { time: ev('x', 40).time } as never);
    const r = await httpPollConnector.run(
      runContext({
        config: config('offset', { type: 'offset' }),
        cursor: null,
        now: NOW,
        lookBackFrom: new Date(NOW.getTime() - 3600_000),
        secrets: { http: { secret: 'api-token', baseUrl: null } },
      }),
    );
    expect(r.items.map((i) => i.sourceId)).toEqual(['a']);
    expect(r.stats).toEqual({ fetched: 2, failed: 1, errors: ['item 1: no id at "id"'] });
  });

  it('a wrong token, a missing array and a foreign next URL are clear errors', async () => {
    await expect(drain(config('offset', { type: 'offset' }), null, 'nope')).rejects.toMatchObject({
      reason: 'unauthorized',
    });
    await expect(
      drain({ ...config('offset', { type: 'offset' }), itemsPath: 'data.rows' }, null),
    ).rejects.toThrow('HTTP poll: no array at "data.rows"');
    await expect(
      drain(config('next-url', { type: 'next-url', nextPath: 'links.next' }), {
        since: NOW.toISOString(),
        next: { url: 'http://198.51.100.1/steal' },
      }),
    ).rejects.toThrow(/next page is on another host/);
  });

  it.each([
    [{ kind: 'status', status: 429, retryAfter: '3' } as const, 'rate_limited'],
    [{ kind: 'status', status: 502 } as const, 'server_error'],
    [{ kind: 'malformed' } as const, 'bad_response'],
    [{ kind: 'hang' } as const, 'timeout'],
  ])('%o fails the run with %s, the cursor unchanged', async (fault, reason) => {
    api.events.push(ev('a', 50));
    api.fail(fault);
    await expect(drain(config('offset', { type: 'offset' }), null)).rejects.toMatchObject({ reason });
    expect((await drain(config('offset', { type: 'offset' }), null)).ids).toEqual(['a']);
  });
});
