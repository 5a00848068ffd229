import type { Branding } from '@palisade/db/queries/branding/get-branding';
import type { ReportBrand } from './pdf/report-frame';
import { pdfLogo } from './pdf/report-logo';

/** The tenant's branding as the PDF draws it (logos as PNG/JPEG pixels). */
export async function reportBrand(branding: Branding): Promise<ReportBrand> {
  return {
    companyName: branding.companyName,
    msspName: branding.mssp.name,
    legalFooter: branding.legalFooter,
    colors: { primary: branding.primaryColor, accent: branding.accentColor },
    logo: await pdfLogo(branding.logo),
    msspLogo: await pdfLogo(branding.mssp.logo),
  };
}
