import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';

export const ListCampaignArtifactsInput = z.object({
  minTenants: z.int().min(2).max(1000).default(2),
  limit: z.int().min(1).max(500).default(100),
});
export type ListCampaignArtifactsInput = z.input<typeof ListCampaignArtifactsInput>;

export type CampaignArtifact = {
  type: string;
  value: string;
  tenantCount: number;
  tenantIds: string[];
  lastSeenAt: Date;
};

/**
 * Artifact values seen at `minTenants` or more tenants: a cross-client campaign. A plain query
 * under RLS, not a SECURITY DEFINER function: it can only count tenants of the caller's scope, so a
 * client (one tenant) always gets nothing and an analyst sees the overlap among his own tenants,
 * never a count or id from outside. An MSSP admin's scope is every tenant. Technique ids, hosts,
 * users and private addresses are left out: shared by design or per network, not evidence of a campaign.
 */
export async function listCampaignArtifacts(
  tx: Tx,
  input: ListCampaignArtifactsInput = {},
): Promise<CampaignArtifact[]> {
  const p = ListCampaignArtifactsInput.parse(input);
  const rows = rowsOf<{
    type: string;
    value: string;
    tenant_count: number;
    tenant_ids: string[];
    last_seen_at: string | Date;
  }>(
    await tx.execute(sql`
      select type, value, count(distinct tenant_id)::int as tenant_count,
             array_agg(distinct tenant_id order by tenant_id)::text[] as tenant_ids, max(last_seen_at) as last_seen_at
        from public.artifacts
       where type not in ('mitre_technique', 'host', 'user')
         and not (tags && '{private,loopback,link_local,multicast}'::text[])
       group by type, value
      having count(distinct tenant_id) >= ${p.minTenants}
       order by count(distinct tenant_id) desc, max(last_seen_at) desc, type, value
       limit ${p.limit}`),
  );
  return rows.map((r) => ({
    type: r.type,
    value: r.value,
    tenantCount: Number(r.tenant_count),
    tenantIds: r.tenant_ids,
    lastSeenAt: new Date(r.last_seen_at),
  }));
}
