import { tenants } from '@palisade/db/schema';

/** Columns a browser may see for a tenant (everything but internal-only fields). */
export const tenantSummaryColumns = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  aliases: tenants.aliases,
  timezone: tenants.timezone,
  status: tenants.status,
  brandName: tenants.brandName,
  primaryColor: tenants.primaryColor,
  accentColor: tenants.accentColor,
  logoSvg: tenants.logoSvg,
};
