import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LookupContext, OsintProvider } from './osint-provider';
import { ProviderHttpError, parseRetryAfter } from './provider-http';
import { abuseipdb } from './providers/abuseipdb';
import { greynoise } from './providers/greynoise';
import { misp } from './providers/misp';
import { otx } from './providers/otx';
import { urlscan } from './providers/urlscan';
import { virustotal } from './providers/virustotal';
import { type FakeServer, startFakeServer } from './test/fake-provider-server';
import * as fx from './test/vendor-fixtures';
import type { Artifact } from './verdict';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const ctx = (apiKey: string | null = 'k-123', timeoutMs = 2_000): LookupContext => ({
  credentials: { apiKey, baseUrl: server.url },
  signal: AbortSignal.timeout(timeoutMs),
  fetch: globalThis.fetch,
});

const ip: Artifact = { type: 'ipv4', value: '198.51.100.7' };

type Case = {
  provider: OsintProvider;
  artifact: Artifact;
  /** A known-bad answer and the verdict it must normalize to. */
  bad: { body: unknown; verdict: string; minScore: number };
  /** How the request must look: path and the header carrying the key. */
  path: RegExp;
  keyHeader: string;
};

const CASES: Case[] = [
  {
    provider: virustotal,
    artifact: ip,
    bad: { body: fx.vtIpMalicious, verdict: 'malicious', minScore: 70 },
    path: /^\/ip_addresses\/198\.51\.100\.7$/,
    keyHeader: 'x-apikey',
  },
  {
    provider: abuseipdb,
    artifact: ip,
    bad: { body: fx.abuseCheckMalicious, verdict: 'malicious', minScore: 75 },
    path: /^\/check\?ipAddress=198\.51\.100\.7&maxAgeInDays=90$/,
    keyHeader: 'key',
  },
  {
    provider: greynoise,
    artifact: ip,
    bad: { body: fx.greynoiseScanner, verdict: 'malicious', minScore: 50 },
    path: /^\/v3\/community\/198\.51\.100\.7$/,
    keyHeader: 'key',
  },
  {
    provider: otx,
    artifact: { type: 'domain', value: 'evil.example' },
    bad: { body: fx.otxGeneral, verdict: 'malicious', minScore: 60 },
    path: /^\/api\/v1\/indicators\/domain\/evil\.example\/general$/,
    keyHeader: 'x-otx-api-key',
  },
  {
    provider: urlscan,
    artifact: { type: 'domain', value: 'evil.example' },
    bad: {
      body: {
        ...fx.urlscanSearch,
        results: fx.urlscanSearch.results.map((r) => ({
          ...r,
          verdicts: { overall: { malicious: true, score: 100 } },
        })),
      },
      verdict: 'malicious',
      minScore: 70,
    },
    path: /^\/api\/v1\/search\/\?q=domain%3A%22evil\.example%22&size=10$/,
    keyHeader: 'api-key',
  },
  {
    provider: misp,
    artifact: ip,
    bad: { body: fx.mispAttributes, verdict: 'malicious', minScore: 80 },
    path: /^\/attributes\/restSearch$/,
    keyHeader: 'authorization',
  },
];

describe.each(CASES)('$provider.id', ({ provider, artifact, bad, path, keyHeader }) => {
  it('normalizes a known-bad answer and sends the key in the vendor header', async () => {
    server.reply({ status: 200, body: bad.body });
    const result = await provider.lookup(artifact, ctx());
    expect(result).toMatchObject({ status: 'ok', verdict: bad.verdict });
    if (result.status !== 'ok') throw new Error('unreachable');
    expect(result.score).toBeGreaterThanOrEqual(bad.minScore);
    expect(result.evidence.length).toBeGreaterThan(0);
    expect(result.link).toMatch(/^https?:\/\//);
    const [req] = server.requests;
    expect(req?.path).toMatch(path);
    expect(req?.headers[keyHeader]).toBe('k-123');
  });

  it('401 is an unauthorized error, not a verdict', async () => {
    server.reply({ status: 401, body: fx.vtWrongCredentials });
    expect(await provider.lookup(artifact, ctx())).toMatchObject({ status: 'error', reason: 'unauthorized' });
  });

  it('429 throws with the Retry-After delay', async () => {
    server.reply({ status: 429, body: fx.abuseTooMany, headers: { 'retry-after': '7' } });
    const err = await provider.lookup(artifact, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderHttpError);
    expect(err).toMatchObject({ status: 429, retryAfterMs: 7_000 });
  });

  it('5xx throws a retryable error', async () => {
    server.reply({ status: 503, body: { error: 'maintenance' } });
    await expect(provider.lookup(artifact, ctx())).rejects.toMatchObject({ status: 503 });
  });

  it('a slow server is cut by the signal', async () => {
    server.reply({ status: 200, body: bad.body, delayMs: 1_000 });
    await expect(provider.lookup(artifact, ctx('k-123', 100))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('an answer of the wrong shape is a bad_response error', async () => {
    server.reply({ status: 200, body: { unexpected: true } });
    expect(await provider.lookup(artifact, ctx())).toMatchObject({ status: 'error', reason: 'bad_response' });
  });
});

describe('vendor specifics', () => {
  it('VirusTotal 404 NotFoundError means never seen: unknown', async () => {
    server.reply({ status: 404, body: fx.vtNotFound });
    expect(await virustotal.lookup(ip, ctx())).toMatchObject({ status: 'ok', verdict: 'unknown', score: 0 });
  });

  it('VirusTotal clean file is benign; URLs go by unpadded base64url id', async () => {
    server.reply({ status: 200, body: fx.vtFileClean });
    const hash = fx.vtFileClean.data.id;
    expect(await virustotal.lookup({ type: 'sha256', value: hash }, ctx())).toMatchObject({
      verdict: 'benign',
    });
    await virustotal.lookup({ type: 'url', value: 'https://evil.example/a?b=1' }, ctx());
    expect(server.requests[1]?.path).toBe(
      `/urls/${Buffer.from('https://evil.example/a?b=1').toString('base64url')}`,
    );
    expect(server.requests[1]?.path).not.toContain('=');
  });

  it('GreyNoise RIOT is benign and a 404 is unknown; works without a key', async () => {
    server.reply({ status: 200, body: fx.greynoiseRiot });
    expect(await greynoise.lookup({ type: 'ipv4', value: '8.8.8.8' }, ctx(null))).toMatchObject({
      verdict: 'benign',
    });
    expect(server.requests[0]?.headers.key).toBeUndefined();
    server.reply({ status: 404, body: fx.greynoiseNotFound });
    expect(await greynoise.lookup({ type: 'ipv4', value: '203.0.113.9' }, ctx(null))).toMatchObject({
      status: 'ok',
      verdict: 'unknown',
    });
  });

  it('urlscan search: hits without verdicts stay unknown, with the latest scan as evidence and link', async () => {
    server.reply({ status: 200, body: fx.urlscanSearch });
    const result = await urlscan.lookup({ type: 'domain', value: 'evil.example' }, ctx(null));
    expect(result).toMatchObject({
      status: 'ok',
      verdict: 'unknown',
      link: 'https://urlscan.io/result/9b7a0c5e-1f2d-4c3b-8a9e-0d1c2b3a4f5e/',
    });
    expect(result.status === 'ok' && result.evidence).toContainEqual({
      label: 'hosting IP',
      value: '198.51.100.7',
    });
    const q = new URL(server.requests[0]?.path ?? '', 'http://x').searchParams.get('q');
    expect(q).toBe('domain:"evil.example"');
  });

  it('MISP: POSTs restSearch JSON; no attribute is unknown; the link points into the instance', async () => {
    server.reply({ status: 200, body: fx.mispAttributes });
    const hit = await misp.lookup(ip, ctx());
    expect(hit).toMatchObject({ link: `${server.url}events/view/1342` });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({
      returnFormat: 'json',
      value: '198.51.100.7',
    });
    server.reply({ status: 200, body: fx.mispEmpty });
    expect(await misp.lookup(ip, ctx())).toMatchObject({ verdict: 'unknown', link: null });
    server.reply({ status: 403, body: fx.mispForbidden });
    expect(await misp.lookup(ip, ctx())).toMatchObject({ status: 'error', reason: 'unauthorized' });
  });

  it('AbuseIPDB: a whitelisted IP is benign whatever its score', async () => {
    server.reply({ status: 200, body: { data: { ...fx.abuseCheckMalicious.data, isWhitelisted: true } } });
    expect(await abuseipdb.lookup(ip, ctx())).toMatchObject({ verdict: 'benign' });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [null, undefined],
    ['soon', undefined],
  ])('%s -> %s', (header, ms) => expect(parseRetryAfter(header)).toBe(ms));

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  });
});
