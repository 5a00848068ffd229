import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ElasticStandIn,
  startElasticStandIn,
} from '../../../integrations/elastic/test/elastic-stand-in';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import { VendorHttpError } from '../../../integrations/http-poll/vendor-request';
import {
  type ElasticConfig,
  type ElasticCursor,
  elasticConnector,
  ElasticConfig as Schema,
} from './elastic-connector';

const NOW = new Date('2026-03-01T12:00:00Z');
let elastic: ElasticStandIn;
beforeAll(async () => {
  elastic = await startElasticStandIn();
});
afterAll(() => elastic.close());
beforeEach(() => {
  elastic.alerts.length = 0;
  elastic.requests.length = 0;
});

const alert = (uuid: string, minutesAgo: number) => ({
  _id: uuid,
  _index: '.internal.alerts-security.alerts-default-000001',
  _source: {
    '@timestamp': new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
    'kibana.alert.uuid': uuid,
    'kibana.alert.rule.name': `rule ${uuid}`,
    'kibana.alert.workflow_status': 'open',
  },
});

const run = (cursor: ElasticCursor | null, over: Partial<ElasticConfig> = {}) =>
  elasticConnector.run(
    runContext({
      config: Schema.parse({ pageSize: 2, timeoutMs: 1000, ...over }),
      cursor,
      now: NOW,
      lookBackFrom: new Date(NOW.getTime() - 3600_000),
      secrets: { elastic: { secret: elastic.apiKey, baseUrl: elastic.url } },
    }),
  );

describe('elastic security connector', () => {
  it.each(['kibana', 'elasticsearch'] as const)('pages with search_after through the %s API', async (api) => {
    elastic.alerts.push(alert('u-3', 10), alert('u-1', 30), alert('u-2', 30), alert('old', 120));
    const first = await run(null, { api });
    expect(first.items.map((i) => i.sourceId)).toEqual(['u-1', 'u-2']);
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toEqual({ searchAfter: [NOW.getTime() - 30 * 60_000, 'u-2'] });
    expect(first.items[0]?.event).toMatchObject({
      _id: 'u-1',
      _source: { 'kibana.alert.rule.name': 'rule u-1' },
    });
    const second = await run(first.cursor, { api });
    expect(second.items.map((i) => i.sourceId)).toEqual(['u-3']);
    expect(second.hasMore).toBe(false);
    const empty = await run(second.cursor, { api });
    expect(empty).toMatchObject({ items: [], cursor: second.cursor, hasMore: false });
    const paths = elastic.requests.map((r) => decodeURIComponent(r.url.pathname));
    expect(paths[0]).toBe(
      api === 'kibana' ? '/api/detection_engine/signals/search' : '/.alerts-security.alerts-*/_search',
    );
  });

  it.each([
    [{ kind: 'status', status: 401 } as const, 'unauthorized'],
    [{ kind: 'status', status: 429, retryAfter: '5' } as const, 'rate_limited'],
    [{ kind: 'status', status: 503 } as const, 'server_error'],
    [{ kind: 'malformed' } as const, 'bad_response'],
    [{ kind: 'hang' } as const, 'timeout'],
  ])('%o: the run fails with %s and the cursor stays usable', async (fault, reason) => {
    elastic.alerts.push(alert('u-1', 30));
    elastic.fail(fault);
    const err = await run(null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorHttpError);
    expect(err).toMatchObject({ reason });
    expect((await run(null)).items.map((i) => i.sourceId)).toEqual(['u-1']);
  });

  it('an answer that is JSON but not a search response is a bad_response naming the field', async () => {
    elastic.fail({ kind: 'status', status: 200, body: JSON.stringify({ hits: { hits: [{ _id: 1 }] } }) });
    await expect(run(null)).rejects.toThrow(/Elastic: unexpected search answer at hits\.hits\.0\._id/);
  });
});
