import { tenants } from '@palisade/db/schema';
import { withTenant } from '@palisade/db/with-tenant';
import { eq } from 'drizzle-orm';
import { protectedProcedure } from '@/server/trpc/procedures';

/** The signed-in actor; for a client user also its tenant's branding, which the portal renders. */
export const get = protectedProcedure.query(async ({ ctx }) => {
  const { actor } = ctx;
  const me = {
    userId: actor.userId,
    email: actor.email,
    name: actor.name,
    kind: actor.kind,
    role: actor.role,
  };
  const [tenantId] = actor.tenantIds;
  if (actor.kind !== 'client' || !tenantId) return { ...me, tenant: null };
  const [tenant] = await withTenant(tenantId, (tx) =>
    tx
      .select({
        id: tenants.id,
        name: tenants.name,
        brandName: tenants.brandName,
        logoSvg: tenants.logoSvg,
        primaryColor: tenants.primaryColor,
        accentColor: tenants.accentColor,
        timezone: tenants.timezone,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  return { ...me, tenant: tenant ?? null };
});
