import { updateMsspBranding } from '@palisade/db/queries/branding/update-branding';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { adminProcedure } from '@/server/trpc/procedures';
import { UpdateMsspBrandingInput } from './branding.schema';
import { parseLogo } from './parse-logo';

/**
 * Saves the MSSP-wide name and logo (MSSP admins). The row belongs to no tenant; the change is
 * audited in the admin's first tenant, since the audit log is per tenant.
 */
export const updateMssp = adminProcedure.input(UpdateMsspBrandingInput).mutation(async ({ ctx, input }) => {
  const [auditTenantId] = ctx.actor.tenantIds;
  if (!auditTenantId) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'create a tenant first' });
  const logo = parseLogo(input.logo);
  await withTenant(ctx.actor.tenantIds, (tx) =>
    updateMsspBranding(tx, {
      fields: { msspName: input.msspName },
      logo,
      actorUserId: ctx.actor.userId,
      auditTenantId,
    }),
  );
  return { ok: true as const };
});
