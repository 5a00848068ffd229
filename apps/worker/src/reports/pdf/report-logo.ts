import type { LogoImage } from '@palisade/db/queries/branding/logo-image';
import sharp from 'sharp';

/** What react-pdf's <Image> takes: it draws PNG and JPEG only. */
export type PdfImage = { data: Buffer; format: 'png' | 'jpg' };

/** Height the SVG logo is rasterized at: sharp on the cover at 300 dpi. */
const SVG_RASTER_HEIGHT = 320;

/**
 * A logo ready for the PDF. SVG is rasterized by librsvg (through sharp) with no access to files or
 * the network, so the report carries pixels, never the uploaded markup.
 */
export async function pdfLogo(logo: LogoImage | null): Promise<PdfImage | null> {
  if (!logo) return null;
  if (logo.mime === 'image/png') return { data: logo.bytes, format: 'png' };
  if (logo.mime === 'image/jpeg') return { data: logo.bytes, format: 'jpg' };
  const data = await sharp(logo.bytes, { density: 300, limitInputPixels: 50_000_000 })
    .resize({ height: SVG_RASTER_HEIGHT, withoutEnlargement: false })
    .png()
    .toBuffer();
  return { data, format: 'png' };
}
