import { updateTenantBranding } from '@palisade/db/queries/branding/update-branding';
import { adminTenantProcedure } from '@/server/trpc/staff-tenant-procedure';
import { UpdateBrandingInput } from './branding.schema';
import { parseLogo } from './parse-logo';

/** Saves a tenant's branding (MSSP admins; audited). */
export const update = adminTenantProcedure.input(UpdateBrandingInput).mutation(async ({ ctx, input }) => {
  const logo = parseLogo(input.logo);
  await updateTenantBranding(ctx.tx, {
    tenantId: ctx.tenantId,
    fields: {
      companyName: input.companyName,
      primaryColor: input.primaryColor,
      accentColor: input.accentColor,
      legalFooter: input.legalFooter,
    },
    logo,
    actorUserId: ctx.actor.userId,
  });
  return { ok: true as const };
});
