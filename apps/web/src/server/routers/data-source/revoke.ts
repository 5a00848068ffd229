import { revokeApiKey } from '@palisade/db/queries/data-sources/revoke-api-key';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { RevokeApiKeyInput } from './revoke.schema';

/** MSSP admins only: the key stops working at once (401 on the next request); audited by the query. */
export const revoke = adminTenantProcedure
  .input(RevokeApiKeyInput)
  .mutation(({ ctx, input }) =>
    revokeApiKey(ctx.tx, { tenantId: ctx.tenantId, keyId: input.keyId, actorUserId: ctx.actor.userId }),
  );
