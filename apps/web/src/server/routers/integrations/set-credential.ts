import { recordAudit } from '@palisade/db/audit';
import {
  setMsspCredential,
  setTenantCredential,
} from '@palisade/db/queries/enrichment/integration-credentials';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { SetCredentialInput, secretToStore } from './set-credential.schema';

/**
 * MSSP admins: seals the key or a daemon credential's fields (AES-256-GCM) for the tenant or as the
 * MSSP default. Returns nothing secret.
 */
export const setCredential = adminTenantProcedure
  .input(SetCredentialInput)
  .mutation(async ({ ctx, input }) => {
    const key = atRestKey();
    const secret = secretToStore(input);
    const common = {
      provider: input.provider,
      secret,
      baseUrl: input.baseUrl,
      actorUserId: ctx.actor.userId,
    };
    if (input.scope === 'mssp') {
      await setMsspCredential(ctx.tx, key, { ...common, sharedWithTenants: input.sharedWithTenants });
    } else {
      await setTenantCredential(ctx.tx, key, { ...common, tenantId: ctx.tenantId, enabled: input.enabled });
    }
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: input.scope === 'mssp' ? 'mssp_integration.credential_set' : 'integration.credential_set',
      target: `integration:${input.provider}`,
      // Whether a key changed, never the key.
      after: { keyChanged: secret !== undefined, baseUrl: input.baseUrl, enabled: input.enabled },
    });
    return { provider: input.provider, scope: input.scope, configured: true };
  });
