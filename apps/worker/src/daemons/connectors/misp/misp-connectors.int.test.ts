import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import { mispAttributeIocs } from '../../../integrations/misp/misp-attribute-iocs';
import { MispEvent } from '../../../integrations/misp/misp-client';
import { type MispStandIn, startMispStandIn } from '../../../integrations/misp/test/misp-stand-in';
import { MispApiConfig, type MispApiCursor, mispApiConnector } from './misp-api-connector';
import { MispFeedConfig, type MispFeedCursor, mispFeedConnector } from './misp-feed-connector';

const NOW = new Date('2026-03-01T12:00:00Z');
const ts = (minutesAgo: number) => Math.floor(NOW.getTime() / 1000) - minutesAgo * 60;
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

let misp: MispStandIn;
beforeAll(async () => {
  misp = await startMispStandIn();
});
afterAll(() => misp.close());
beforeEach(() => {
  misp.events.length = 0;
  misp.requests.length = 0;
});

const event = (uuid: string, minutesAgo: number, attrs: [string, string, boolean][]) =>
  MispEvent.parse({
    uuid,
    info: `Campaign ${uuid.slice(0, 4)}`,
    threat_level_id: '1',
    timestamp: String(ts(minutesAgo)),
    Attribute: attrs.map(([type, value, ids]) => ({
      type,
      value,
      to_ids: ids,
      timestamp: String(ts(minutesAgo)),
      comment: '',
    })),
  });

const E1 = '5a1b0000-0000-4000-8000-000000000001';
const E2 = '5a1b0000-0000-4000-8000-000000000002';
const E3 = '5a1b0000-0000-4000-8000-000000000003';

const feedRun = (cursor: MispFeedCursor | null, maxItems = 1000) =>
  mispFeedConnector.run(
    runContext({
      config: MispFeedConfig.parse({ feedUrl: `${misp.url}/feed/`, timeoutMs: 1000 }),
      cursor,
      now: NOW,
      maxItems,
      lookBackFrom: new Date(NOW.getTime() - 24 * 3600_000),
    }),
  );

describe('mispAttributeIocs', () => {
  it.each([
    ['ip-dst', '198.51.100.4', ['ipv4:198.51.100.4']],
    ['ip-src|port', '198.51.100.4|8443', ['ipv4:198.51.100.4']],
    ['domain|ip', 'Evil.Example.com|203.0.113.1', ['domain:evil.example.com', 'ipv4:203.0.113.1']],
    ['filename|sha256', `dropper.exe|${SHA.toUpperCase()}`, [`sha256:${SHA}`]],
    ['url', 'hxxp://evil[.]example.com/x', ['url:http://evil.example.com/x']],
    ['AS', '64500', ['asn:AS64500']],
    ['vulnerability', 'CVE-2024-3094', ['cve:CVE-2024-3094']],
    ['ip-dst', '10.0.0.0/8', []],
    ['text', 'just words', []],
  ])('%s %s', (type, value, want) =>
    expect(mispAttributeIocs(type, value).map((i) => `${i.type}:${i.value}`)).toEqual(want),
  );
});

describe('misp-feed connector', () => {
  it('reads events newer than the cursor in (timestamp, uuid) order, IDS attributes only', async () => {
    misp.events.push(
      event(E2, 30, [
        ['domain', 'c2.example.net', true],
        ['comment', 'x', false],
      ]),
      event(E1, 30, [
        ['ip-dst', '198.51.100.7', true],
        ['ip-dst', '198.51.100.8', false],
      ]),
      event(E3, 60 * 48, [['domain', 'ancient.example.net', true]]),
    );
    const first = await feedRun(null, 1);
    expect(first.items).toEqual([
      {
        type: 'ipv4',
        value: '198.51.100.7',
        verdict: 'malicious',
        score: 90,
        description: 'Campaign 5a1b',
        lastSeen: new Date(ts(30) * 1000),
      },
    ]);
    expect(first).toMatchObject({ cursor: { timestamp: ts(30), uuid: E1 }, hasMore: true });
    const second = await feedRun(first.cursor);
    expect(second.items.map((i) => i.value)).toEqual(['c2.example.net']);
    expect(second).toMatchObject({ cursor: { timestamp: ts(30), uuid: E2 }, hasMore: false });
    expect(await feedRun(second.cursor)).toMatchObject({ items: [], cursor: second.cursor, hasMore: false });

    // An event edited later (new timestamp) is read again with its new attributes.
    misp.events[1] = event(E1, 5, [['sha256', SHA, true]]);
    expect((await feedRun(second.cursor)).items.map((i) => i.value)).toEqual([SHA]);
  });

  it.each([
    [{ kind: 'status', status: 500, path: /manifest/ } as const, 'server_error'],
    [{ kind: 'malformed', path: /5a1b/ } as const, 'bad_response'],
    [{ kind: 'status', status: 429, retryAfter: '60', path: /5a1b/ } as const, 'rate_limited'],
    [{ kind: 'hang', path: /manifest/ } as const, 'timeout'],
  ])('%o fails the run with %s', async (fault, reason) => {
    misp.events.push(event(E1, 30, [['ip-dst', '198.51.100.7', true]]));
    misp.fail(fault);
    await expect(feedRun(null)).rejects.toMatchObject({ reason });
    expect((await feedRun(null)).items).toHaveLength(1);
  });
});

describe('misp-api connector', () => {
  const apiRun = (cursor: MispApiCursor | null, key = misp.apiKey) =>
    mispApiConnector.run(
      runContext({
        config: MispApiConfig.parse({ pageSize: 2, timeoutMs: 1000 }),
        cursor,
        now: NOW,
        lookBackFrom: new Date(NOW.getTime() - 24 * 3600_000),
        secrets: { misp: { secret: key, baseUrl: misp.url } },
      }),
    );

  it('pages restSearch and moves `since` to the newest attribute', async () => {
    misp.events.push(
      event(E1, 40, [
        ['ip-dst', '198.51.100.1', true],
        ['domain', 'a.example.org', true],
      ]),
      event(E2, 20, [
        ['md5', 'D41D8CD98F00B204E9800998ECF8427E', true],
        ['ip-dst', '198.51.100.9', false],
      ]),
    );
    const first = await apiRun(null);
    expect(first.items.map((i) => i.value)).toEqual(['198.51.100.1', 'a.example.org']);
    expect(first).toMatchObject({ hasMore: true, cursor: { page: 2, maxSeen: ts(40) } });
    const second = await apiRun(first.cursor);
    expect(second.items.map((i) => i.value)).toEqual(['d41d8cd98f00b204e9800998ecf8427e']);
    expect(second).toMatchObject({ hasMore: false, cursor: { since: ts(20), page: 1 } });
    const body = JSON.parse(misp.requests[0]?.body ?? '{}');
    expect(body).toMatchObject({ returnFormat: 'json', to_ids: 1, page: 1, limit: 2 });
  });

  it('a refused key is unauthorized', async () => {
    await expect(apiRun(null, 'wrong')).rejects.toMatchObject({ reason: 'unauthorized', status: 403 });
  });
});
