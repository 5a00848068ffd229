import { eq } from 'drizzle-orm';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import { msspBranding, tenantBranding, tenants } from '../../schema/index';
import { type LogoImage, legacyLogo } from './logo-image';

export const DEFAULT_MSSP_NAME = 'Palisade';

export type Branding = {
  tenantId: string;
  /** The client's display name: its brand name, else its company name. */
  companyName: string;
  primaryColor: string;
  accentColor: string;
  legalFooter: string;
  logo: LogoImage | null;
  /** Changes whenever the logo does: cache-busting for the logo route. */
  logoVersion: string;
  mssp: { name: string; logo: LogoImage | null; logoVersion: string };
};

/** A tenant's branding for reports, the portal and client emails (inside the tenant's scope). */
export async function getBranding(tx: Tx, tenantId: string): Promise<Branding> {
  const [row] = await tx
    .select({
      name: tenants.name,
      brandName: tenants.brandName,
      logoSvg: tenants.logoSvg,
      primaryColor: tenants.primaryColor,
      accentColor: tenants.accentColor,
      logo: tenantBranding.logo,
      logoMime: tenantBranding.logoMime,
      legalFooter: tenantBranding.legalFooter,
      updatedAt: tenantBranding.updatedAt,
    })
    .from(tenants)
    .leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id))
    .where(eq(tenants.id, tenantId));
  if (!row) throw new NotFoundError('tenant not found');
  const mssp = await getMsspBranding(tx);
  const uploaded = row.logo && row.logoMime ? ({ bytes: row.logo, mime: row.logoMime } as LogoImage) : null;
  return {
    tenantId,
    companyName: row.brandName?.trim() || row.name,
    primaryColor: row.primaryColor,
    accentColor: row.accentColor,
    legalFooter: row.legalFooter ?? '',
    logo: uploaded ?? legacyLogo(row.logoSvg),
    logoVersion: uploaded ? String(row.updatedAt?.getTime() ?? 0) : 'legacy',
    mssp,
  };
}

/** The MSSP's name and logo (defaults until an MSSP admin sets them); readable from any scope. */
export async function getMsspBranding(tx: Tx): Promise<Branding['mssp']> {
  const [row] = await tx.select().from(msspBranding);
  if (!row) return { name: DEFAULT_MSSP_NAME, logo: null, logoVersion: 'none' };
  return {
    name: row.msspName,
    logo: row.logo && row.logoMime ? ({ bytes: row.logo, mime: row.logoMime } as LogoImage) : null,
    logoVersion: String(row.updatedAt.getTime()),
  };
}
