import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import { startTaxiiStandIn, type TaxiiStandIn } from '../../../integrations/taxii/test/taxii-stand-in';
import { TaxiiConfig, type TaxiiCursor, taxiiConnector } from './taxii-connector';

const NOW = new Date('2026-03-01T12:00:00Z');
const iso = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

let taxii: TaxiiStandIn;
beforeAll(async () => {
  taxii = await startTaxiiStandIn();
});
afterAll(() => taxii.close());
beforeEach(() => {
  taxii.objects.length = 0;
  taxii.requests.length = 0;
});

const indicator = (
  n: number,
  pattern: string,
  addedMinutesAgo: number,
  extra: Record<string, unknown> = {},
) => ({
  added: iso(addedMinutesAgo),
  object: {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: iso(addedMinutesAgo),
    modified: iso(addedMinutesAgo),
    name: `Indicator ${n}`,
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: 'stix',
    valid_from: iso(addedMinutesAgo),
    ...extra,
  },
});

const run = (
  cursor: TaxiiCursor | null,
  over: Record<string, unknown> = {},
  secret = `${'soc'}:taxii-pass`,
) =>
  taxiiConnector.run(
    runContext({
      config: TaxiiConfig.parse({
        discoveryUrl: `${taxii.url}/taxii2/`,
        collection: 'Indicators',
        pageSize: 2,
        timeoutMs: 1000,
        ...over,
      }),
      cursor,
      now: NOW,
      lookBackFrom: new Date(NOW.getTime() - 3600_000),
      secrets: { taxii: { secret, baseUrl: null } },
    }),
  );

describe('taxii connector', () => {
  it('discovers the root and collection, pages with next and resumes with added_after', async () => {
    taxii.objects.push(
      indicator(1, "[ipv4-addr:value = '198.51.100.1']", 50, {
        confidence: 70,
        valid_until: '2026-06-01T00:00:00Z',
      }),
      indicator(2, `[file:hashes.'SHA-256' = '${SHA}'] OR [domain-name:value = 'c2.example.org']`, 40),
      { added: iso(35), object: { type: 'malware', id: 'malware--1', name: 'x', is_family: true } },
      indicator(4, "[url:value = 'http://evil.example.org/p']", 30, { revoked: true }),
      indicator(5, '[broken', 20),
      indicator(6, "[ipv4-addr:value = '198.51.100.2']", 90),
    );
    const first = await run(null);
    expect(first.items).toEqual([
      {
        type: 'ipv4',
        value: '198.51.100.1',
        verdict: 'malicious',
        score: 70,
        description: 'Indicator 1',
        expiresAt: new Date('2026-06-01T00:00:00Z'),
        lastSeen: new Date(iso(50)),
      },
      expect.objectContaining({ type: 'sha256', value: SHA }),
      expect.objectContaining({ type: 'domain', value: 'c2.example.org' }),
    ]);
    expect(first).toMatchObject({
      hasMore: true,
      cursor: { addedAfter: iso(60), next: 'n1', lastAdded: iso(40) },
    });
    const objectsReq = taxii.requests.find((r) => r.url.pathname.endsWith('/objects/'));
    expect(objectsReq?.url.searchParams.get('added_after')).toBe(iso(60));
    expect(objectsReq?.headers.accept).toBe('application/taxii+json;version=2.1');

    const second = await run(first.cursor);
    expect(second.items).toEqual([]);
    expect(second.stats).toMatchObject({ fetched: 2, failed: 0 });
    const third = await run(second.cursor);
    expect(third.stats).toEqual({
      fetched: 1,
      failed: 1,
      errors: ["indicator--00000000-0000-4000-8000-000000000005: expected ':' at offset 7"],
    });
    expect(third).toMatchObject({ hasMore: false, cursor: { addedAfter: iso(20) } });

    taxii.objects.push(indicator(7, "[domain-name:value = 'new.example.org']", 1));
    const later = await run(third.cursor);
    expect(later.items.map((i) => i.value)).toEqual(['new.example.org']);
  });

  it('names a missing or unreadable collection and an unknown API root', async () => {
    await expect(run(null, { collection: 'Nope' })).rejects.toThrow(/no collection "Nope"/);
    await expect(run(null, { collection: 'Private' })).rejects.toMatchObject({ reason: 'unauthorized' });
    await expect(run(null, { apiRoot: '/api9/' })).rejects.toThrow(/API root \/api9\/ is not offered/);
  });

  it.each([
    ['wrong credentials', { kind: 'status', status: 200 } as const, 'unauthorized', 'soc:wrong'],
    [
      '429',
      { kind: 'status', status: 429, retryAfter: '20', path: /objects/ } as const,
      'rate_limited',
      undefined,
    ],
    ['500', { kind: 'status', status: 500, path: /collections\/$/ } as const, 'server_error', undefined],
    ['broken JSON', { kind: 'malformed', path: /objects/ } as const, 'bad_response', undefined],
    ['no answer', { kind: 'hang', path: /taxii2/ } as const, 'timeout', undefined],
  ])('%s fails the run with the reason', async (_name, fault, reason, secret) => {
    taxii.objects.push(indicator(1, "[ipv4-addr:value = '198.51.100.1']", 50));
    if (!secret) taxii.fail(fault);
    await expect(run(null, {}, secret)).rejects.toMatchObject({ reason });
    expect((await run(null)).items).toHaveLength(1);
  });
});
