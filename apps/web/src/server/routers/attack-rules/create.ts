import { recordAudit } from '@palisade/db/audit';
import { createAttackMappingRule } from '@palisade/db/queries/enrichment/attack-mapping-rules';
import { staffTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { CreateAttackRuleInput } from './create.schema';

export const create = staffTenantProcedure.input(CreateAttackRuleInput).mutation(async ({ ctx, input }) => {
  const { field, pattern, techniqueId } = input;
  const id = await createAttackMappingRule(ctx.tx, { tenantId: ctx.tenantId, field, pattern, techniqueId });
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'attack_rule.created',
    target: `attack_rule:${id}`,
    after: { field, pattern, techniqueId },
  });
  return { id };
});
