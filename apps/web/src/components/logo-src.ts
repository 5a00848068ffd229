/**
 * A tenant logo as an <img> source. SVG shown through <img> cannot run script or
 * reach the page, unlike inline SVG markup, so stored SVG becomes a data: URI.
 */
export function logoSrc(logo: string | null): string | null {
  if (!logo) return null;
  if (/^data:image\/(svg\+xml|png|jpeg|webp)[;,]/.test(logo)) return logo;
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(logo)) {
    return `data:image/svg+xml;base64,${Buffer.from(logo, 'utf8').toString('base64')}`;
  }
  return null;
}
