import { getBranding } from '@palisade/db/queries/branding/get-branding';
import { tenantProcedure } from '@/server/trpc/procedures';

/** A tenant's branding without the logo bytes (those come from the logo route, by version). */
export const get = tenantProcedure.query(async ({ ctx }) => {
  const b = await getBranding(ctx.tx, ctx.tenantId);
  return {
    tenantId: b.tenantId,
    companyName: b.companyName,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    legalFooter: b.legalFooter,
    logo: b.logo ? { mime: b.logo.mime, bytes: b.logo.bytes.length, version: b.logoVersion } : null,
    mssp: {
      name: b.mssp.name,
      logo: b.mssp.logo
        ? { mime: b.mssp.logo.mime, bytes: b.mssp.logo.bytes.length, version: b.mssp.logoVersion }
        : null,
    },
  };
});
