import { getDatabase } from '@palisade/db/client';
import { providerById } from '@palisade/worker/osint/providers';
import { testConnection as probe } from '@palisade/worker/osint/test-connection';
import { TRPCError } from '@trpc/server';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { staffProcedure } from '@/server/trpc/procedures';
import { TestConnectionInput } from './test-connection.schema';

/**
 * One harmless lookup with the credential the tenant would use. Not a tenantProcedure on purpose:
 * the network call must happen outside the tenant's transaction; the scope check is the same.
 */
export const testConnection = staffProcedure.input(TestConnectionInput).mutation(async ({ ctx, input }) => {
  if (!ctx.actor.tenantIds.includes(input.tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
  const provider = providerById(input.provider);
  if (!provider) throw new TRPCError({ code: 'NOT_FOUND' });
  const { db } = await getDatabase();
  return probe({ db, secretKey: atRestKey() }, { tenantId: input.tenantId, provider });
});
