import { recordAudit } from '@palisade/db/audit';
import { getTier1Rule, saveTier1Rule as storeTier1Rule } from '@palisade/db/queries/contacts/tier1-rule';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveTier1RuleInput } from './save-tier1-rule.schema';

/** When the tenant's primary contact gets a tier 1 notice (severities, artifact types). */
export const saveTier1Rule = staffTenantProcedure
  .input(SaveTier1RuleInput)
  .mutation(async ({ ctx, input }) => {
    const { saved: _saved, ...before } = await getTier1Rule(ctx.tx, ctx.tenantId);
    const rule = await storeTier1Rule(ctx.tx, ctx.tenantId, input.rule);
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'tier1_rule.saved',
      target: `tenant:${ctx.tenantId}`,
      before,
      after: rule,
    });
    return rule;
  });
