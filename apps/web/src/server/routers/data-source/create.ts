import { createDataSource } from '@palisade/db/queries/data-sources/create-data-source';
import { dataSources } from '@palisade/db/schema';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { CreateDataSourceInput } from './create.schema';

/**
 * MSSP admins only: a data source and its first API key. The plaintext key is in this response
 * and nowhere else (stored as a SHA-256); the create and the key are audited by the query.
 */
export const create = adminTenantProcedure.input(CreateDataSourceInput).mutation(async ({ ctx, input }) => {
  // A clear CONFLICT instead of the unique index's generic 500.
  const [taken] = await ctx.tx
    .select({ id: dataSources.id })
    .from(dataSources)
    .where(eq(dataSources.name, input.name));
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: `a data source named "${input.name}" exists` });
  const created = await createDataSource(ctx.tx, {
    tenantId: ctx.tenantId,
    name: input.name,
    description: input.description ?? null,
    mapper: input.mapper === 'auto' ? { kind: 'auto' } : { kind: 'builtin', name: input.mapper },
    dedupField: input.dedupField ?? null,
    actorUserId: ctx.actor.userId,
  });
  return { dataSource: { id: created.dataSource.id, name: created.dataSource.name }, apiKey: created.apiKey };
});
