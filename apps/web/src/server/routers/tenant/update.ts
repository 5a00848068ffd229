import { updateTenant } from '@palisade/db/queries/tenants/save-tenant';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { UpdateTenantInput } from './update.schema';

/** MSSP admins: edits a tenant's company fields (name, slug, aliases, timezone); audited before/after. */
export const update = adminTenantProcedure.input(UpdateTenantInput).mutation(async ({ ctx, input }) => {
  const tenant = await updateTenant(ctx.tx, {
    ...input,
    tenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
  });
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    aliases: tenant.aliases,
    timezone: tenant.timezone,
  };
});
