import type { Db } from '@palisade/db/client';
import { resolveCredential } from '@palisade/db/queries/enrichment/integration-credentials';
import { takeRateToken } from '@palisade/db/queries/enrichment/take-rate-token';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { IocType } from '@palisade/ioc/ioc';
import type { OsintProvider } from './osint-provider';
import { ProviderHttpError } from './provider-http';

export type ConnectionCheck = {
  ok: boolean;
  /** Which credential was tried: the tenant's own or the MSSP default. */
  source: 'tenant' | 'mssp' | 'none' | 'disabled';
  message: string;
};

// Harmless, well-known values: a provider that answers about them is reachable and accepts the key.
const PROBES: Partial<Record<IocType, string>> = {
  ipv4: '8.8.8.8',
  domain: 'example.com',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
};

/**
 * "Test connection" from the console: one lookup of a harmless value with the credential the tenant
 * would use, outside any transaction, never cached. Spends a token of the shared bucket like any lookup.
 */
export async function testConnection(
  options: { db: Db; secretKey: Buffer; fetch?: typeof globalThis.fetch; timeoutMs?: number },
  input: { tenantId: string; provider: OsintProvider },
): Promise<ConnectionCheck> {
  const { provider, tenantId } = input;
  const resolved = await withTenantOn(options.db, tenantId, (tx) =>
    resolveCredential(tx, options.secretKey, { tenantId, provider: provider.id }),
  );
  if (!('secret' in resolved)) {
    return {
      ok: false,
      source: resolved.source,
      message: resolved.source === 'none' ? 'not configured' : 'disabled for this tenant',
    };
  }
  const baseUrl = resolved.baseUrl ?? provider.defaultBaseUrl;
  if ((provider.requiresApiKey && !resolved.secret) || !baseUrl) {
    return { ok: false, source: resolved.source, message: 'credentials incomplete (key or URL missing)' };
  }
  const type = provider.artifactTypes.find((t) => PROBES[t] !== undefined);
  const value = type ? PROBES[type] : undefined;
  if (!type || !value)
    return { ok: false, source: resolved.source, message: 'no probe value for this provider' };
  const token = await takeRateToken(options.db, { provider: provider.id, ...provider.rateLimit });
  if (!token.granted)
    return { ok: false, source: resolved.source, message: 'rate limit reached; try again later' };
  try {
    const result = await provider.lookup(
      { type, value },
      {
        credentials: { apiKey: resolved.secret, baseUrl },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        fetch: options.fetch ?? globalThis.fetch,
      },
    );
    if (result.status === 'ok') return { ok: true, source: resolved.source, message: 'connected' };
    return { ok: false, source: resolved.source, message: result.message };
  } catch (err) {
    if (err instanceof ProviderHttpError) {
      return {
        ok: false,
        source: resolved.source,
        message: err.status === 429 ? 'provider rate limit reached' : `provider error ${err.status}`,
      };
    }
    return {
      ok: false,
      source: resolved.source,
      message: (err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable',
    };
  }
}
