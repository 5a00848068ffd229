import type { ResolvedSecret } from '../../daemons/connector';

/**
 * Base URL and secret of a daemon's vendor from its resolved `secrets.<name>` (the tenant's
 * encrypted integration credential), the YAML's `baseUrl` taking precedence over the credential's.
 */
export function connectionSecret(
  secrets: Readonly<Record<string, ResolvedSecret>>,
  name: string,
  configBaseUrl: string | undefined,
): { baseUrl: string; secret: string } {
  const resolved = secrets[name];
  const baseUrl = configBaseUrl ?? resolved?.baseUrl;
  if (!baseUrl) throw new Error(`no base URL: set inputs.baseUrl or the base URL of secret "${name}"`);
  if (!resolved?.secret) throw new Error(`secret "${name}" is not configured (no credential stored)`);
  return { baseUrl, secret: resolved.secret };
}
