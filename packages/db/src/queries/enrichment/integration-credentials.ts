import { and, eq, inArray, sql } from 'drizzle-orm';
import { openSecret, sealSecret } from '../../crypto/secret-box';
import type { Tx } from '../../database';
import { integrationCredentials, msspIntegrationCredentials } from '../../schema/index';

// The box is bound to its row: a tenant's ciphertext pasted into another tenant's row does not open.
const tenantContext = (tenantId: string, provider: string) =>
  `integration_credentials:${tenantId}:${provider}`;
const msspContext = (provider: string) => `mssp_integration_credentials:${provider}`;

export type ResolvedCredential =
  | { source: 'tenant' | 'mssp'; secret: string | null; baseUrl: string | null }
  | { source: 'none' | 'disabled' };

/**
 * The credential a tenant's lookup uses: its own secret, else the MSSP default when shared, else
 * none. A tenant row with `enabled = false` opts out entirely. Decrypts inside the caller's scope;
 * the network call happens after the transaction.
 */
export async function resolveCredential(
  tx: Tx,
  key: Buffer,
  input: { tenantId: string; provider: string },
): Promise<ResolvedCredential> {
  const all = await resolveCredentials(tx, key, { tenantId: input.tenantId, providers: [input.provider] });
  return all.get(input.provider) ?? { source: 'none' };
}

/** `resolveCredential` for several providers in two queries. */
export async function resolveCredentials(
  tx: Tx,
  key: Buffer,
  input: { tenantId: string; providers: readonly string[] },
): Promise<Map<string, ResolvedCredential>> {
  const out = new Map<string, ResolvedCredential>();
  if (input.providers.length === 0) return out;
  const providers = [...input.providers];
  const own = await tx
    .select()
    .from(integrationCredentials)
    .where(
      and(
        eq(integrationCredentials.tenantId, input.tenantId),
        inArray(integrationCredentials.provider, providers),
      ),
    );
  const mssp = await tx
    .select()
    .from(msspIntegrationCredentials)
    .where(inArray(msspIntegrationCredentials.provider, providers));
  for (const provider of providers) {
    const t = own.find((r) => r.provider === provider);
    const m = mssp.find((r) => r.provider === provider);
    if (t && !t.enabled) out.set(provider, { source: 'disabled' });
    else if (t?.secret || t?.baseUrl) {
      out.set(provider, {
        source: 'tenant',
        secret: t.secret ? openSecret(key, t.secret, tenantContext(input.tenantId, provider)) : null,
        baseUrl: t.baseUrl,
      });
    } else if (m?.sharedWithTenants && (m.secret || m.baseUrl)) {
      out.set(provider, {
        source: 'mssp',
        secret: m.secret ? openSecret(key, m.secret, msspContext(provider)) : null,
        baseUrl: m.baseUrl,
      });
    } else out.set(provider, { source: 'none' });
  }
  return out;
}

export type SetCredentialInput = {
  provider: string;
  /** Undefined keeps the stored secret (e.g. only the base URL changes). */
  secret?: string;
  baseUrl?: string | null;
  enabled?: boolean;
  actorUserId: string | null;
};

export async function setTenantCredential(
  tx: Tx,
  key: Buffer,
  input: SetCredentialInput & { tenantId: string },
): Promise<void> {
  const secret =
    input.secret === undefined
      ? undefined
      : sealSecret(key, input.secret, tenantContext(input.tenantId, input.provider));
  const values = {
    ...(secret === undefined ? {} : { secret }),
    ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
    ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
    updatedBy: input.actorUserId,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(integrationCredentials)
    .values({ tenantId: input.tenantId, provider: input.provider, ...values })
    .onConflictDoUpdate({
      target: [integrationCredentials.tenantId, integrationCredentials.provider],
      set: values,
    });
}

export async function clearTenantCredential(
  tx: Tx,
  input: { tenantId: string; provider: string },
): Promise<boolean> {
  const gone = await tx
    .delete(integrationCredentials)
    .where(
      and(
        eq(integrationCredentials.tenantId, input.tenantId),
        eq(integrationCredentials.provider, input.provider),
      ),
    )
    .returning({ provider: integrationCredentials.provider });
  return gone.length > 0;
}

export async function setMsspCredential(
  tx: Tx,
  key: Buffer,
  input: SetCredentialInput & { sharedWithTenants?: boolean },
): Promise<void> {
  const secret =
    input.secret === undefined ? undefined : sealSecret(key, input.secret, msspContext(input.provider));
  const values = {
    ...(secret === undefined ? {} : { secret }),
    ...(input.baseUrl === undefined ? {} : { baseUrl: input.baseUrl }),
    ...(input.sharedWithTenants === undefined ? {} : { sharedWithTenants: input.sharedWithTenants }),
    updatedBy: input.actorUserId,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(msspIntegrationCredentials)
    .values({ provider: input.provider, ...values })
    .onConflictDoUpdate({ target: msspIntegrationCredentials.provider, set: values });
}

export async function clearMsspCredential(tx: Tx, provider: string): Promise<boolean> {
  const gone = await tx
    .delete(msspIntegrationCredentials)
    .where(eq(msspIntegrationCredentials.provider, provider))
    .returning({ provider: msspIntegrationCredentials.provider });
  return gone.length > 0;
}

/** What a browser may learn: whether something is configured, never any part of the secret. */
export type CredentialStatus = {
  provider: string;
  tenant: { configured: boolean; enabled: boolean; baseUrl: string | null; updatedAt: Date } | null;
  mssp: { configured: boolean; sharedWithTenants: boolean; baseUrl: string | null; updatedAt: Date } | null;
  effective: 'tenant' | 'mssp' | 'none' | 'disabled';
};

export async function listCredentialStatus(
  tx: Tx,
  input: { tenantId: string; providers: readonly string[] },
): Promise<CredentialStatus[]> {
  const own = await tx
    .select({
      provider: integrationCredentials.provider,
      configured: sql<boolean>`${integrationCredentials.secret} is not null`,
      enabled: integrationCredentials.enabled,
      baseUrl: integrationCredentials.baseUrl,
      updatedAt: integrationCredentials.updatedAt,
    })
    .from(integrationCredentials)
    .where(eq(integrationCredentials.tenantId, input.tenantId));
  const mssp = await tx
    .select({
      provider: msspIntegrationCredentials.provider,
      configured: sql<boolean>`${msspIntegrationCredentials.secret} is not null`,
      sharedWithTenants: msspIntegrationCredentials.sharedWithTenants,
      baseUrl: msspIntegrationCredentials.baseUrl,
      updatedAt: msspIntegrationCredentials.updatedAt,
    })
    .from(msspIntegrationCredentials);
  return input.providers.map((provider) => {
    const t = own.find((r) => r.provider === provider);
    const m = mssp.find((r) => r.provider === provider);
    const effective: CredentialStatus['effective'] =
      t && !t.enabled
        ? 'disabled'
        : t && (t.configured || t.baseUrl)
          ? 'tenant'
          : m?.sharedWithTenants && (m.configured || m.baseUrl)
            ? 'mssp'
            : 'none';
    return {
      provider,
      tenant: t
        ? { configured: t.configured, enabled: t.enabled, baseUrl: t.baseUrl, updatedAt: t.updatedAt }
        : null,
      mssp: m
        ? {
            configured: m.configured,
            sharedWithTenants: m.sharedWithTenants,
            baseUrl: m.baseUrl,
            updatedAt: m.updatedAt,
          }
        : null,
      effective,
    };
  });
}

/** Every credential id stored for the tenant or as an MSSP default (daemon credentials may be named). */
export async function listCredentialProviderIds(tx: Tx, tenantId: string): Promise<string[]> {
  const own = await tx
    .select({ provider: integrationCredentials.provider })
    .from(integrationCredentials)
    .where(eq(integrationCredentials.tenantId, tenantId));
  const mssp = await tx
    .select({ provider: msspIntegrationCredentials.provider })
    .from(msspIntegrationCredentials);
  return [...new Set([...own, ...mssp].map((r) => r.provider))].sort();
}
