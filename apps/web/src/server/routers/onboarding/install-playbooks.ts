import { recordAudit } from '@palisade/db/audit';
import { installDefaultPlaybooks } from '@palisade/worker/playbooks/install-default-playbooks';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';

/**
 * MSSP admins: gives the tenant its copy of the MSSP master playbook and its nested playbooks.
 * Playbooks the tenant already has are kept as they are.
 */
export const installPlaybooks = adminTenantProcedure.mutation(async ({ ctx }) => {
  const { installed } = await installDefaultPlaybooks(ctx.tx, ctx.tenantId);
  if (installed.length > 0) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: 'playbook.defaults_installed',
      target: `tenant:${ctx.tenantId}`,
      after: { installed },
    });
  }
  return { installed };
});
