import { recordAudit } from '@palisade/db/audit';
import { deleteAttackMappingRule } from '@palisade/db/queries/enrichment/attack-mapping-rules';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { RemoveAttackRuleInput } from './remove.schema';

export const remove = staffTenantProcedure.input(RemoveAttackRuleInput).mutation(async ({ ctx, input }) => {
  const removed = await deleteAttackMappingRule(ctx.tx, { tenantId: ctx.tenantId, id: input.id });
  if (removed) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'attack_rule.deleted',
      target: `attack_rule:${input.id}`,
    });
  }
  return { removed };
});
