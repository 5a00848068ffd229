import type { Tx } from '@palisade/db/client';
import { listListEntries } from '@palisade/db/queries/enrichment/list-entries';
import { tenants } from '@palisade/db/schema';
import { eq } from 'drizzle-orm';
import type { ClientCandidate } from './identify-client';

/**
 * The names a tenant is known by in alerts: company name, brand name, its aliases, and the exact-value
 * entries of its own alias list (the MSSP-wide alias list names the MSSP, not the client).
 */
export async function clientCandidate(tx: Tx, tenantId: string): Promise<ClientCandidate> {
  const [tenant] = await tx
    .select({ name: tenants.name, brandName: tenants.brandName, aliases: tenants.aliases })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const aliasEntries = await listListEntries(tx, { tenantId, list: 'alias', scopes: ['tenant'] });
  const names = [
    tenant?.name,
    tenant?.brandName,
    ...(tenant?.aliases ?? []),
    ...aliasEntries.filter((e) => e.matchKind === 'value').map((e) => e.value),
  ].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return { tenantId, names };
}
