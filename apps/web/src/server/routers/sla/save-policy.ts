import { recordAudit } from '@palisade/db/audit';
import { loadSlaPolicy } from '@palisade/db/queries/sla/load-sla-config';
import { saveSlaPolicy } from '@palisade/db/queries/sla/save-sla-settings';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SaveSlaPolicyInput } from './save-policy.schema';

/** An MSSP admin sets one severity's SLA; running clocks of that severity are re-evaluated. Audited. */
export const savePolicy = adminTenantProcedure.input(SaveSlaPolicyInput).mutation(async ({ ctx, input }) => {
  const before = await loadSlaPolicy(ctx.tx, ctx.tenantId, input.policy.severity);
  const saved = await saveSlaPolicy(ctx.tx, ctx.tenantId, input.policy);
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    action: 'sla.save_policy',
    target: `sla_policy:${input.policy.severity}`,
    before,
    after: saved.policy,
  });
  return saved;
});
