import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import { VendorHttpError } from '../../../integrations/http-poll/vendor-request';
import { type SplunkStandIn, startSplunkStandIn } from '../../../integrations/splunk/test/splunk-stand-in';
import {
  SplunkConfig as Schema,
  type SplunkConfig,
  type SplunkCursor,
  splunkConnector,
} from './splunk-connector';

const NOW = new Date('2026-03-01T12:00:00Z');
const at = (minutesAgo: number) => (NOW.getTime() - minutesAgo * 60_000) / 1000;

let splunk: SplunkStandIn;
beforeAll(async () => {
  splunk = await startSplunkStandIn();
});
afterAll(() => splunk.close());
beforeEach(() => {
  splunk.events.length = 0;
  splunk.expireJobs();
  splunk.requests.length = 0;
});

const config = (over: Partial<SplunkConfig> = {}) =>
  Schema.parse({ search: 'index=notable', jobPollMs: 100, timeoutMs: 2000, pageSize: 2, ...over });

const run = (cursor: SplunkCursor | null, over: Partial<SplunkConfig> = {}, now = NOW) =>
  splunkConnector.run(
    runContext({
      config: config(over),
      cursor,
      now,
      lookBackFrom: new Date(NOW.getTime() - 3600_000),
      secrets: { splunk: { secret: splunk.token, baseUrl: splunk.url } },
    }),
  );

/** Runs until `hasMore` is false, as the framework does within one daemon run. */
async function drain(cursor: SplunkCursor | null, now = NOW) {
  const ids: string[] = [];
  let c = cursor;
  for (;;) {
    const r = await run(c, {}, now);
    ids.push(...r.items.map((i) => i.sourceId));
    c = r.cursor;
    if (!r.hasMore) return { ids, cursor: c };
  }
}

describe('splunk connector', () => {
  it('creates a search job for the window, waits for it and pages through the results', async () => {
    splunk.events.push(
      { _time: at(30), event_id: 'n-1', rule_name: 'Brute force', src_ip: '203.0.113.5' },
      { _time: at(20), event_id: 'n-2', rule_name: 'Malware' },
      { _time: at(10), event_id: 'n-3', rule_name: 'Exfil' },
      { _time: at(120), event_id: 'too-old' },
      { _time: at(0.5), event_id: 'inside-lag' },
    );
    const first = await run(null);
    expect(first.items.map((i) => i.sourceId)).toEqual(['n-1', 'n-2']);
    expect(first.items[0]?.event).toMatchObject({
      search_name: 'test daemon',
      result: { src_ip: '203.0.113.5' },
    });
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toMatchObject({
      from: '2026-03-01T11:00:00.000Z',
      job: { offset: 2, to: '2026-03-01T11:59:00.000Z' },
    });
    const create = splunk.requests.find((r) => r.method === 'POST');
    expect(new URLSearchParams(create?.body).get('search')).toBe('search index=notable');
    // The stand-in answers RUNNING once: the connector polled until DONE.
    expect(splunk.requests.filter((r) => /jobs\/[^/]+$/.test(r.url.pathname)).length).toBeGreaterThanOrEqual(
      2,
    );

    const second = await run(first.cursor);
    expect(second.items.map((i) => i.sourceId)).toEqual(['n-3']);
    expect(second).toMatchObject({ hasMore: false, cursor: { from: '2026-03-01T11:59:00.000Z' } });
    expect(second.cursor?.job).toBeUndefined();
    expect(splunk.jobs.size).toBe(1);

    // Next schedule: only what arrived since.
    splunk.events.push({ _time: at(-2), event_id: 'n-4' });
    const later = await drain(second.cursor, new Date(NOW.getTime() + 5 * 60_000));
    expect(later.ids).toEqual(['inside-lag', 'n-4']);
  });

  it('re-runs the window when Splunk forgot the job, from offset 0 (dedup drops the repeats)', async () => {
    splunk.events.push(
      { _time: at(30), event_id: 'a' },
      { _time: at(20), event_id: 'b' },
      { _time: at(10), event_id: 'c' },
    );
    const first = await run(null);
    splunk.expireJobs();
    const second = await run(first.cursor);
    expect(second.items.map((i) => i.sourceId)).toEqual(['a', 'b']);
    expect(second.cursor?.job?.sid).not.toBe(first.cursor?.job?.sid);
  });

  it('does nothing while the window is empty (lag not yet passed)', async () => {
    const r = await run({ from: new Date(NOW.getTime() - 30_000).toISOString() });
    expect(r).toEqual({ items: [], cursor: { from: '2026-03-01T11:59:30.000Z' }, hasMore: false });
    expect(splunk.requests).toEqual([]);
  });

  it.each([
    [{ kind: 'status', status: 401 } as const, 'unauthorized', /Splunk: HTTP 401, credentials refused/],
    [
      { kind: 'status', status: 429, retryAfter: '30' } as const,
      'rate_limited',
      /HTTP 429, rate limited \(retry after 30 s\)/,
    ],
    [{ kind: 'status', status: 500 } as const, 'server_error', /Splunk: HTTP 500/],
    [{ kind: 'malformed' } as const, 'bad_response', /answer is not JSON/],
    [{ kind: 'hang' } as const, 'timeout', /no answer within 2000 ms/],
  ])('%o fails the run with reason %s; the same cursor then succeeds', async (fault, reason, message) => {
    splunk.events.push({ _time: at(30), event_id: 'x-1' });
    splunk.fail(fault);
    const cursor = { from: new Date(NOW.getTime() - 3600_000).toISOString() };
    const err = await run(cursor).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorHttpError);
    expect(err).toMatchObject({ reason, message: expect.stringMatching(message) });
    const again = await run(cursor);
    expect(again.items.map((i) => i.sourceId)).toEqual(['x-1']);
  });

  it('a wrong token is reported as refused credentials', async () => {
    const err = await splunkConnector
      .run(
        runContext({
          config: config(),
          cursor: null,
          now: NOW,
          secrets: { splunk: { secret: 'nope', baseUrl: splunk.url } },
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'unauthorized' });
  });
});
