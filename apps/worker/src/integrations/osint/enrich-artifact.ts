import type { Db } from '@palisade/db/client';
import { resolveCredentials } from '@palisade/db/queries/enrichment/integration-credentials';
import { readCachedVerdicts, writeCachedVerdict } from '@palisade/db/queries/enrichment/reputation-cache';
import { takeRateToken } from '@palisade/db/queries/enrichment/take-rate-token';
import { findThreatIndicators } from '@palisade/db/queries/enrichment/threat-indicators';
import { withTenantOn } from '@palisade/db/with-tenant';
import { abortableSleep } from './abortable-sleep';
import { backoffDelay } from './backoff-delay';
import { handles, type OsintProvider, type ProviderCredentials } from './osint-provider';
import { ProviderHttpError } from './provider-http';
import { createLocalIntelProvider } from './providers/local-intel';
import { type Artifact, type LookupResult, ProviderVerdict, type Verdict, worstVerdict } from './verdict';

export type EnrichOptions = {
  /** Global tables (cache, buckets) outside any scope; tenant credentials and intel through withTenant. */
  db: Db;
  secretKey: Buffer;
  providers: readonly OsintProvider[];
  fetch?: typeof globalThis.fetch;
  /** Per HTTP request. */
  timeoutMs?: number;
  /** Attempts per provider, the first included, for 429 and 5xx. */
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** The longest a provider waits for a rate token or a Retry-After; beyond it the provider is unavailable. */
  maxWaitMs?: number;
  /** Endpoint overrides per provider id (tests, benchmarks); a configured credential URL wins. */
  baseUrls?: Readonly<Record<string, string>>;
  /** How waits happen (backoff, rate tokens); tests record the delays instead of timing them. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Include the tenant's local threat intel (default true). */
  localIntel?: boolean;
};

export type ProviderOutcome = { provider: string; cached: boolean; result: LookupResult };

export type ArtifactEnrichment = {
  artifact: Artifact;
  outcomes: ProviderOutcome[];
  verdict: Verdict;
  score: number;
};

const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 3,
  backoff: { baseMs: 500, maxMs: 8_000 },
  maxWaitMs: 15_000,
};

/**
 * Asks every provider that handles the artifact's type, in parallel, for the tenant. Each provider
 * ends with a result of its own: a provider that is down, rate-limited, slow or misconfigured is
 * `unavailable`/`error` and the others still answer. Public answers come from and go to the shared
 * cache (which never learns the tenant); the tenant's credentials are read in its scope and used
 * only for its own lookups.
 */
export async function enrichArtifact(
  options: EnrichOptions,
  input: { tenantId: string; artifact: Artifact; signal?: AbortSignal },
): Promise<ArtifactEnrichment> {
  const { tenantId, artifact } = input;
  const applicable = options.providers.filter((p) => handles(p, artifact));
  let indicators: Awaited<ReturnType<typeof findThreatIndicators>> = [];
  const localProvider = createLocalIntelProvider(async () => indicators);
  const local = options.localIntel === false || !handles(localProvider, artifact) ? undefined : localProvider;
  // One short transaction for every credential and the local intel, before any network call.
  const credentials = await withTenantOn(options.db, tenantId, async (tx) => {
    const out = await resolveCredentials(tx, options.secretKey, {
      tenantId,
      providers: applicable.map((p) => p.id),
    });
    if (local)
      indicators = await findThreatIndicators(tx, { tenantId, type: artifact.type, value: artifact.value });
    return out;
  });
  const cached = await readCachedVerdicts(options.db, {
    providers: applicable.filter((p) => p.shareable).map((p) => p.id),
    artifactType: artifact.type,
    value: artifact.value,
  });

  const outcomes = await Promise.all(
    applicable.map(async (provider): Promise<ProviderOutcome> => {
      const resolved = credentials.get(provider.id) ?? { source: 'none' as const };
      if (resolved.source === 'disabled') {
        return unavailableOutcome(provider, 'disabled', 'disabled for this tenant');
      }
      const configured = resolved.source === 'tenant' || resolved.source === 'mssp' ? resolved : undefined;
      const apiKey = configured?.secret ?? null;
      const baseUrl = configured?.baseUrl ?? options.baseUrls?.[provider.id] ?? provider.defaultBaseUrl;
      if ((provider.requiresApiKey && !apiKey) || !baseUrl) {
        return unavailableOutcome(provider, 'not_configured', 'no credentials for this tenant or the MSSP');
      }
      // Only a configured provider may answer from the cache: a tenant without access gets nothing.
      const hit = ProviderVerdict.safeParse(cached.find((c) => c.provider === provider.id)?.verdict);
      if (hit.success) return { provider: provider.id, cached: true, result: { status: 'ok', ...hit.data } };
      return lookupWithPolicy(options, provider, artifact, { apiKey, baseUrl }, input.signal);
    }),
  );

  if (local)
    outcomes.push({ provider: local.id, cached: false, result: await local.lookup(artifact, localContext) });

  const verdicts = outcomes.flatMap((o) => (o.result.status === 'ok' ? [o.result] : []));
  return {
    artifact,
    outcomes,
    verdict: worstVerdict(verdicts.map((v) => v.verdict)),
    score: Math.max(0, ...verdicts.map((v) => v.score)),
  };
}

// The local provider reads the database through its closure; it gets no credentials and no fetch.
const localContext = {
  credentials: { apiKey: null, baseUrl: '' },
  signal: new AbortController().signal,
  fetch: () => Promise.reject(new Error('the local provider has no network')),
};

const unavailableOutcome = (
  provider: OsintProvider,
  reason: 'not_configured' | 'disabled' | 'rate_limited' | 'timeout' | 'server_error' | 'network',
  message: string,
): ProviderOutcome => ({
  provider: provider.id,
  cached: false,
  result: { status: 'unavailable', reason, message },
});

async function lookupWithPolicy(
  options: EnrichOptions,
  provider: OsintProvider,
  artifact: Artifact,
  credentials: ProviderCredentials,
  outer: AbortSignal | undefined,
): Promise<ProviderOutcome> {
  const key = { provider: provider.id, artifactType: artifact.type, value: artifact.value };
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const maxWaitMs = options.maxWaitMs ?? DEFAULTS.maxWaitMs;
  const backoff = options.backoff ?? DEFAULTS.backoff;
  let last: ProviderOutcome = unavailableOutcome(provider, 'server_error', 'no attempt made');
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const token = await waitForToken(options, provider, maxWaitMs, outer);
    if (!token) return unavailableOutcome(provider, 'rate_limited', 'rate limit reached; try again later');
    const signal = AbortSignal.any([
      AbortSignal.timeout(options.timeoutMs ?? DEFAULTS.timeoutMs),
      ...(outer ? [outer] : []),
    ]);
    try {
      const result = await provider.lookup(artifact, {
        credentials,
        signal,
        fetch: options.fetch ?? globalThis.fetch,
      });
      if (result.status === 'ok' && provider.shareable) {
        const { status: _status, ...verdict } = result;
        await writeCachedVerdict(options.db, { ...key, verdict, ttlSeconds: provider.ttlSeconds });
      }
      return { provider: provider.id, cached: false, result };
    } catch (err) {
      if (outer?.aborted) throw outer.reason;
      if (!(err instanceof ProviderHttpError)) {
        // A timeout or a connection failure: retrying a dead host would only slow the others down.
        return signal.aborted
          ? unavailableOutcome(
              provider,
              'timeout',
              `no answer within ${options.timeoutMs ?? DEFAULTS.timeoutMs} ms`,
            )
          : unavailableOutcome(provider, 'network', 'provider unreachable');
      }
      last =
        err.status === 429
          ? unavailableOutcome(provider, 'rate_limited', 'provider answered 429')
          : unavailableOutcome(provider, 'server_error', `provider answered ${err.status}`);
      if (attempt === maxAttempts) break;
      const delay = backoffDelay(attempt, { ...backoff, retryAfterMs: err.retryAfterMs });
      if (delay > maxWaitMs) break;
      await (options.sleep ?? abortableSleep)(delay, outer);
    }
  }
  return last;
}

/** Takes a token from the shared bucket, waiting while the wait fits in `maxWaitMs`. */
async function waitForToken(
  options: EnrichOptions,
  provider: OsintProvider,
  maxWaitMs: number,
  signal?: AbortSignal,
) {
  let waited = 0;
  for (;;) {
    const taken = await takeRateToken(options.db, { provider: provider.id, ...provider.rateLimit });
    if (taken.granted) return true;
    const pause = Math.max(10, taken.waitMs);
    if (waited + pause > maxWaitMs) return false;
    waited += pause;
    await (options.sleep ?? abortableSleep)(pause, signal);
  }
}
