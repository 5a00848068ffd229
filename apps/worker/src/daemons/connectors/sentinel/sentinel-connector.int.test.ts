import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runContext } from '../../../integrations/http-poll/test/run-context';
import {
  type SentinelStandIn,
  startSentinelStandIn,
} from '../../../integrations/sentinel/test/sentinel-stand-in';
import { SentinelConfig, type SentinelCursor, sentinelConnector } from './sentinel-connector';

const NOW = new Date('2026-03-01T12:00:00Z');
let az: SentinelStandIn;
beforeAll(async () => {
  az = await startSentinelStandIn();
});
afterAll(() => az.close());
beforeEach(() => {
  az.incidents.length = 0;
  az.requests.length = 0;
});

const incident = (name: string, minutesAgo: number) => ({
  name,
  properties: {
    incidentNumber: Number(name.replace(/\D/g, '')),
    title: `Incident ${name}`,
    severity: 'High',
    status: 'New',
    lastModifiedTimeUtc: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  },
});

const run = (cursor: SentinelCursor | null, secret = az.clientSecret) =>
  sentinelConnector.run(
    runContext({
      config: SentinelConfig.parse({
        azureTenantId: az.azureTenantId,
        clientId: az.clientId,
        subscriptionId: 'sub-1',
        resourceGroup: 'rg-soc',
        workspace: 'ws-client',
        authorityUrl: az.url,
        managementUrl: az.url,
        pageSize: 2,
        timeoutMs: 1000,
      }),
      cursor,
      now: NOW,
      lookBackFrom: new Date(NOW.getTime() - 3600_000),
      secrets: { sentinel: { secret, baseUrl: null } },
    }),
  );

describe('sentinel connector', () => {
  it('gets a token, follows nextLink and moves lastModified to the newest incident seen', async () => {
    az.incidents.push(incident('i1', 50), incident('i2', 40), incident('i3', 30), incident('old', 90));
    const first = await run(null);
    expect(first.items.map((i) => i.sourceId)).toEqual(['i1', 'i2']);
    expect(first.hasMore).toBe(true);
    expect(first.cursor?.nextLink).toContain('%24skipToken=2');
    const req = az.requests.find((r) => r.url.pathname.endsWith('/incidents'));
    expect(req?.url.searchParams.get('$filter')).toBe(
      'properties/lastModifiedTimeUtc ge 2026-03-01T11:00:00.000Z',
    );
    expect(req?.url.searchParams.get('api-version')).toBe('2023-02-01');

    const second = await run(first.cursor);
    expect(second.items.map((i) => i.sourceId)).toEqual(['i3']);
    expect(second).toMatchObject({ hasMore: false, cursor: { since: '2026-03-01T11:30:00.000Z' } });

    az.incidents.push(incident('i4', 5));
    const third = await run(second.cursor);
    // `ge` re-reads the last incident; intake dedups it by name.
    expect(third.items.map((i) => i.sourceId)).toEqual(['i3', 'i4']);
    expect(third.cursor).toEqual({ since: '2026-03-01T11:55:00.000Z' });
  });

  it('a refused client secret fails with the token endpoint named', async () => {
    await expect(run(null, 'wrong')).rejects.toMatchObject({
      reason: 'unauthorized',
      message: expect.stringMatching(/^Microsoft Sentinel token: HTTP 401/),
    });
  });

  it('refuses a nextLink to another host (the bearer token stays with ARM)', async () => {
    await expect(
      run({ since: NOW.toISOString(), nextLink: 'https://evil.example.com/incidents?$skipToken=2' }),
    ).rejects.toThrow(/nextLink points to another host/);
  });

  it.each([
    [{ kind: 'status', status: 429, retryAfter: '12', path: /incidents$/ } as const, 'rate_limited'],
    [{ kind: 'status', status: 500, path: /incidents$/ } as const, 'server_error'],
    [{ kind: 'malformed', path: /incidents$/ } as const, 'bad_response'],
    [{ kind: 'hang', path: /incidents$/ } as const, 'timeout'],
  ])('%o fails the run with %s', async (fault, reason) => {
    az.incidents.push(incident('i1', 50));
    az.fail(fault);
    await expect(run(null)).rejects.toMatchObject({ reason });
    expect((await run(null)).items.map((i) => i.sourceId)).toEqual(['i1']);
  });
});
