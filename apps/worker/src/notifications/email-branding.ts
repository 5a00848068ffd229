import type { Tx } from '@palisade/db/client';
import { getBranding, getMsspBranding } from '@palisade/db/queries/branding/get-branding';
import type { LogoImage } from '@palisade/db/queries/branding/logo-image';
import { type EmailBranding, MSSP_BRANDING } from './render-email';

// Inlined: an email must not fetch the logo from our server (tracking, and a login-gated route).
const dataUri = (logo: LogoImage) => `data:${logo.mime};base64,${logo.bytes.toString('base64')}`;

/** The client's look (name, colours, logo, legal footer) for mail whose recipient is the client. */
export async function clientEmailBranding(tx: Tx, tenantId: string): Promise<EmailBranding> {
  const b = await getBranding(tx, tenantId);
  return {
    name: b.companyName,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    logoSrc: b.logo ? dataUri(b.logo) : null,
    footer: b.legalFooter || `Sent by ${b.mssp.name} on behalf of ${b.companyName}.`,
  };
}

/** The MSSP's look for mail to its own staff or to unspecified recipients (playbook email.send). */
export async function msspEmailBranding(tx: Tx): Promise<EmailBranding> {
  const m = await getMsspBranding(tx);
  return { ...MSSP_BRANDING, name: m.name, logoSrc: m.logo ? dataUri(m.logo) : null };
}
