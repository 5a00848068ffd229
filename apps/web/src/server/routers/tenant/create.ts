import { createTenant } from '@palisade/db/queries/tenants/save-tenant';
import { withTenant } from '@palisade/db/with-tenant';
import { adminProcedure } from '@/server/trpc/procedures';
import { CreateTenantInput } from './create.schema';

/**
 * MSSP admins: a new tenant (the onboarding wizard's first step). It runs in the new id's own scope,
 * the only scope the tenants policy admits its insert in; the admin sees it from the next request.
 */
export const create = adminProcedure.input(CreateTenantInput).mutation(async ({ ctx, input }) => {
  const id = crypto.randomUUID();
  const tenant = await withTenant(id, (tx) =>
    createTenant(tx, { ...input, id, actorUserId: ctx.actor.userId }),
  );
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status };
});
