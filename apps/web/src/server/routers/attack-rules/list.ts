import { listAttackMappingRules } from '@palisade/db/queries/enrichment/attack-mapping-rules';
import { lookupTechnique } from '@palisade/ioc/mitre-technique';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/** The tenant's rule name / source → ATT&CK technique rules, with the technique's name and tactics. */
export const list = staffTenantProcedure.query(async ({ ctx }) => {
  const rules = await listAttackMappingRules(ctx.tx, { tenantId: ctx.tenantId });
  return rules.map((r) => ({ ...r, technique: lookupTechnique(r.techniqueId) ?? null }));
});
