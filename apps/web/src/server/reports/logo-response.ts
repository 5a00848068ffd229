import type { LogoImage } from '@palisade/db/queries/branding/logo-image';

/**
 * A logo as an image response. An SVG opened directly (not through <img>) would be a document of our
 * origin, so the response forbids scripts and everything else outright and sandboxes it.
 */
export function logoResponse(logo: LogoImage | null): Response {
  if (!logo) return new Response(null, { status: 404, headers: { 'cache-control': 'no-store' } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      'content-type': logo.mime,
      'content-length': String(logo.bytes.length),
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      // The URL carries the logo version, so a changed logo is a new URL.
      'cache-control': 'private, max-age=86400',
    },
  });
}
