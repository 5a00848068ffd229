import { sql } from 'drizzle-orm';
import type { Tx } from '../../database';
import { rowsOf } from '../../rows';

export type CampaignVerdict = {
  type: string;
  value: string;
  /** The worst verdict any tenant of the scope's enrichment gave this indicator. */
  worst: 'malicious' | 'suspicious' | 'benign' | 'unknown';
  /** The highest score any of them gave. */
  score: number;
  /** How many of the scope's tenants have enriched it. */
  tenantsJudged: number;
};

/**
 * The worst enrichment verdict per indicator of the campaign view, over the artifact enrichments of
 * the caller's scope only (RLS): a tenant outside the scope never contributes a verdict. Indicators
 * no tenant has enriched yet are absent.
 */
export async function listCampaignVerdicts(
  tx: Tx,
  indicators: readonly { type: string; value: string }[],
): Promise<CampaignVerdict[]> {
  if (indicators.length === 0) return [];
  const rows = rowsOf<{ type: string; value: string; rank: number; score: number; tenants_judged: number }>(
    await tx.execute(sql`
      with wanted as (
        select * from jsonb_to_recordset(${JSON.stringify(indicators)}::jsonb) as w(type text, value text)
      )
      select a.type, a.value,
             max(case e.verdict when 'malicious' then 3 when 'suspicious' then 2 when 'benign' then 1 else 0 end)::int as rank,
             max(e.score)::int as score, count(distinct e.tenant_id)::int as tenants_judged
        from wanted w
        join public.artifacts a on a.type = w.type and a.value = w.value
        join public.artifact_enrichments e on e.tenant_id = a.tenant_id and e.artifact_id = a.id
       group by a.type, a.value`),
  );
  const byRank = ['unknown', 'benign', 'suspicious', 'malicious'] as const;
  return rows.map((r) => ({
    type: r.type,
    value: r.value,
    worst: byRank[Number(r.rank)] ?? 'unknown',
    score: Number(r.score),
    tenantsJudged: Number(r.tenants_judged),
  }));
}
