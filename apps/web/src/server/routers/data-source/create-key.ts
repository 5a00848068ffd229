import { createApiKey } from '@palisade/db/queries/data-sources/create-api-key';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { CreateApiKeyInput } from './create-key.schema';

/** MSSP admins only: another key for a data source (rotation); shown once, audited by the query. */
export const createKey = adminTenantProcedure.input(CreateApiKeyInput).mutation(({ ctx, input }) =>
  createApiKey(ctx.tx, {
    tenantId: ctx.tenantId,
    dataSourceId: input.dataSourceId,
    actorUserId: ctx.actor.userId,
  }),
);
