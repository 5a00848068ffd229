import type { IocType } from '@palisade/ioc/ioc';
import type { Artifact, LookupResult } from './verdict';

export type ProviderCredentials = {
  /** Null for providers that work without a key (GreyNoise community, urlscan search). */
  apiKey: string | null;
  /** The provider's endpoint; a self-hosted MISP's URL or a test server's. */
  baseUrl: string;
};

export type LookupContext = {
  credentials: ProviderCredentials;
  /** Aborted at the per-request timeout or when the caller gives up. */
  signal: AbortSignal;
  fetch: typeof globalThis.fetch;
};

export type OsintProvider = {
  id: string;
  name: string;
  artifactTypes: readonly IocType[];
  defaultBaseUrl: string;
  requiresApiKey: boolean;
  /**
   * False when the answer is not public reputation: a tenant's own MISP or local intel is tenant data
   * and must never reach the shared cache.
   */
  shareable: boolean;
  /** How long an answer stays in the shared cache. */
  ttlSeconds: number;
  /** Bucket shared by every worker process (free tiers: VirusTotal 4/min, AbuseIPDB 1000/day...). */
  rateLimit: { capacity: number; refillPerSecond: number };
  /**
   * One attempt. Retryable failures (429, 5xx) are thrown as `ProviderHttpError` so the caller can
   * back off; everything else is a `LookupResult`.
   */
  lookup(artifact: Artifact, ctx: LookupContext): Promise<LookupResult>;
};

export const handles = (provider: OsintProvider, artifact: Artifact): boolean =>
  provider.artifactTypes.includes(artifact.type);
