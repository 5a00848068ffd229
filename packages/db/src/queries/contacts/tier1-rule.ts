import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { severityLevel, tier1Rules } from '../../schema/index';

export const Tier1RuleInput = z.object({
  enabled: z.boolean(),
  severities: z.array(z.enum(severityLevel.enumValues)).max(5),
  /** `IocType` values (ip, domain, url, sha256, email, …). */
  artifactTypes: z
    .array(
      z
        .string()
        .min(1)
        .max(40)
        .regex(/^[a-z0-9_-]+$/),
    )
    .max(30),
});
export type Tier1RuleInput = z.infer<typeof Tier1RuleInput>;

/** What a tenant without a stored rule gets (the table's column defaults). */
export const DEFAULT_TIER1_RULE: Tier1RuleInput = {
  enabled: true,
  severities: ['critical', 'high'],
  artifactTypes: [],
};

/** The tenant's tier 1 rule, or the default when none was saved. */
export async function getTier1Rule(tx: Tx, tenantId: string): Promise<Tier1RuleInput & { saved: boolean }> {
  const [row] = await tx.select().from(tier1Rules).where(eq(tier1Rules.tenantId, tenantId));
  if (!row) return { ...DEFAULT_TIER1_RULE, saved: false };
  return { enabled: row.enabled, severities: row.severities, artifactTypes: row.artifactTypes, saved: true };
}

/** Stores the tenant's tier 1 rule (one row per tenant). */
export async function saveTier1Rule(
  tx: Tx,
  tenantId: string,
  input: Tier1RuleInput,
): Promise<Tier1RuleInput> {
  const rule = Tier1RuleInput.parse(input);
  const values = {
    enabled: rule.enabled,
    severities: [...new Set(rule.severities)],
    artifactTypes: [...new Set(rule.artifactTypes)],
  };
  await tx
    .insert(tier1Rules)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: tier1Rules.tenantId, set: { ...values, updatedAt: new Date() } });
  return values;
}
