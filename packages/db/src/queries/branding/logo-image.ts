import type { LogoMimeType } from '../../schema/index';

/** Upload limit for a logo: plenty for a crisp report cover, small enough to inline in every email. */
export const MAX_LOGO_BYTES = 512 * 1024;

export type LogoImage = { bytes: Buffer; mime: LogoMimeType };
export type LogoCheck = { ok: true; logo: LogoImage } | { ok: false; reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Markup an SVG logo may not carry. The portal and emails show logos only through <img> (where SVG
 * cannot script), but the logo route is also reachable directly, so an SVG that could run script,
 * load a resource or expand entities is refused rather than stored.
 */
const SVG_UNSAFE: readonly [RegExp, string][] = [
  [/<!doctype|<!entity/i, 'a DOCTYPE or entity declaration'],
  [
    /<\s*(script|foreignobject|iframe|embed|object|audio|video|use)\b/i,
    'a script or embedded-content element',
  ],
  [/\son[a-z]+\s*=/i, 'an event-handler attribute'],
  [/javascript:|vbscript:/i, 'a script URL'],
  [/@import/i, 'a stylesheet import'],
  [/url\(\s*['"]?(?!#)/i, 'a url() reference to an outside resource'],
  [/\bhref\s*=\s*['"](?!#)/i, 'a link to an outside resource'],
];

/**
 * Decides a logo's type from its bytes (magic numbers, never the file name or a client-sent type),
 * enforces the size limit and refuses unsafe SVG.
 */
export function checkLogoImage(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, reason: 'the logo file is empty' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return { ok: false, reason: `the logo is larger than ${MAX_LOGO_BYTES / 1024} KiB` };
  }
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return { ok: true, logo: { bytes, mime: 'image/png' } };
  }
  if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) {
    return { ok: true, logo: { bytes, mime: 'image/jpeg' } };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!isSvgDocument(text)) return { ok: false, reason: 'the logo must be a PNG, JPEG or SVG image' };
  const unsafe = SVG_UNSAFE.find(([pattern]) => pattern.test(text));
  if (unsafe) return { ok: false, reason: `the SVG logo contains ${unsafe[1]}` };
  return { ok: true, logo: { bytes, mime: 'image/svg+xml' } };
}

/** An XML prolog and comments at most, then an <svg> root element. */
function isSvgDocument(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const body = text.replace(/^\s*(<\?xml[^>]*\?>)?(\s*<!--[\s\S]*?-->)*\s*/, '');
  return /^<svg[\s>]/i.test(body) && /<\/svg>\s*$/i.test(body);
}

/** The legacy `tenants.logo_svg` (inline SVG or a data: URI) as logo bytes, checked like an upload. */
export function legacyLogo(value: string | null): LogoImage | null {
  if (!value) return null;
  const dataUri = /^data:image\/[a-z+]+;base64,([A-Za-z0-9+/=]+)$/.exec(value);
  const bytes = dataUri?.[1] ? Buffer.from(dataUri[1], 'base64') : Buffer.from(value, 'utf8');
  const checked = checkLogoImage(bytes);
  return checked.ok ? checked.logo : null;
}
