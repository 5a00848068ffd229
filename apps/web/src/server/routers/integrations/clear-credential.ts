import { recordAudit } from '@palisade/db/audit';
import {
  clearMsspCredential,
  clearTenantCredential,
} from '@palisade/db/queries/enrichment/integration-credentials';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { ClearCredentialInput } from './clear-credential.schema';

/** MSSP admins: forgets the tenant's own credential (it falls back to the MSSP default) or the default. */
export const clearCredential = adminTenantProcedure
  .input(ClearCredentialInput)
  .mutation(async ({ ctx, input }) => {
    const cleared =
      input.scope === 'mssp'
        ? await clearMsspCredential(ctx.tx, input.provider)
        : await clearTenantCredential(ctx.tx, { tenantId: ctx.tenantId, provider: input.provider });
    if (cleared) {
      await recordAudit(ctx.tx, {
        tenantId: ctx.tenantId,
        actorUserId: ctx.actor.userId,
        action:
          input.scope === 'mssp' ? 'mssp_integration.credential_cleared' : 'integration.credential_cleared',
        target: `integration:${input.provider}`,
      });
    }
    return { cleared };
  });
