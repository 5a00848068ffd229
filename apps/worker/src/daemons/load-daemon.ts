import { secretKeyFromEnv } from '@palisade/db/crypto/secret-key';
import type { Tx } from '@palisade/db/database';
import { resolveCredentials } from '@palisade/db/queries/enrichment/integration-credentials';
import type { Daemon } from '@palisade/db/schema';
import type { DaemonConnector, ResolvedSecret } from './connector';
import { findConnector } from './connectors/index';
import { DaemonDefinition } from './definition';

export type LoadedDaemon = {
  row: Daemon;
  definition: DaemonDefinition;
  connector: DaemonConnector;
  config: unknown;
};

/** A stored daemon re-read through its schemas (the kind's schema may have tightened since it was saved). */
export function loadDaemon(row: Daemon): LoadedDaemon {
  const definition = DaemonDefinition.parse(row.definition);
  const connector = findConnector(definition.kind);
  if (!connector) throw new Error(`daemon kind '${definition.kind}' is not available in this worker`);
  const config = connector.configSchema.parse(definition.inputs);
  return { row, definition, connector, config };
}

/**
 * Decrypts the daemon's secret references (tenant credential, else the MSSP's shared one). A
 * reference to a credential that is not configured fails the run with a message naming it.
 */
export async function resolveDaemonSecrets(
  tx: Tx,
  tenantId: string,
  definition: DaemonDefinition,
): Promise<Record<string, ResolvedSecret>> {
  const refs = Object.entries(definition.secrets);
  if (refs.length === 0) return {};
  const resolved = await resolveCredentials(tx, secretKeyFromEnv(), {
    tenantId,
    providers: refs.map(([, r]) => r.credential),
  });
  const out: Record<string, ResolvedSecret> = {};
  for (const [name, ref] of refs) {
    const c = resolved.get(ref.credential);
    if (!c || c.source === 'none' || c.source === 'disabled') {
      throw new Error(
        `secret '${name}': integration credential '${ref.credential}' is not configured for this tenant`,
      );
    }
    out[name] = { secret: 'secret' in c ? c.secret : null, baseUrl: 'baseUrl' in c ? c.baseUrl : null };
  }
  return out;
}
