/**
 * CSP for HTML responses. Scripts: 'self' + a per-request nonce + 'strict-dynamic'
 * (Next reads the nonce from this header and stamps it on its own inline bootstrap
 * scripts, so no 'unsafe-inline' for scripts). 'unsafe-eval' only in development,
 * where React rebuilds server error stacks with eval. Styles: 'self' + the nonce
 * (Next's own tags); nothing of ours is inline (swatches are SVG fills, the portal's
 * brand colours a same-origin stylesheet), so no 'unsafe-inline' for styles either,
 * except in development: Next's dev overlay injects un-nonced styles there, and a
 * nonce in the list would make browsers ignore 'unsafe-inline'.
 * Tenant logos are shown as data: SVG images, which cannot run script.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** JSON and other machine responses never render: deny everything. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export const hsts = 'max-age=63072000; includeSubDomains';
