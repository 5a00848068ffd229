import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
import { type NextRequestWithAuth, withAuth } from 'next-auth/middleware';
import { env } from '@/env';
import { sessionCookieName } from '@/server/auth/session-token';
import {
  apiContentSecurityPolicy,
  contentSecurityPolicy,
  hsts,
} from '@/server/security/content-security-policy';

/** Pages anyone may open; everything else under the matcher needs a session. */
const PUBLIC_PAGES = new Set(['/sign-in', '/sign-out', '/forbidden', '/suspended']);

/** Invitation and password-reset links (`/invite/<token>`): the token is the credential. */
const isPublic = (pathname: string) => PUBLIC_PAGES.has(pathname) || pathname.startsWith('/invite/');

const AREA_KIND = [
  { prefix: '/console', kind: 'staff' },
  { prefix: '/portal', kind: 'client' },
] as const;

const inArea = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * Routing by the session's kind, after withAuth has sent anonymous visitors to
 * /sign-in. The wrong kind gets the 403 page in place (a rewrite, so the URL stays).
 * Pages re-check against the database, since the JWT lives up to 8 h.
 */
function routeByKind(req: NextRequestWithAuth, requestHeaders: Headers): NextResponse {
  const { pathname } = req.nextUrl;
  const kind = req.nextauth.token?.kind;
  if (pathname === '/') {
    const home = kind === 'staff' ? '/console' : kind === 'client' ? '/portal' : '/sign-in';
    return NextResponse.redirect(new URL(home, req.url));
  }
  const area = AREA_KIND.find((a) => inArea(pathname, a.prefix));
  if (area && area.kind !== kind) {
    return NextResponse.rewrite(new URL('/forbidden', req.url), {
      status: 403,
      request: { headers: requestHeaders },
    });
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const isApi = req.nextUrl.pathname.startsWith('/api/');
  // Next reads the nonce from the request's CSP header and stamps its own scripts with it.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = isApi
    ? apiContentSecurityPolicy
    : contentSecurityPolicy({ nonce, dev: env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);

  // API routes authenticate themselves (tRPC context, next-auth, ingest API keys).
  const gated = isApi
    ? undefined
    : await withAuth((r: NextRequestWithAuth) => routeByKind(r, requestHeaders), {
        secret: env.NEXTAUTH_SECRET,
        cookies: { sessionToken: { name: sessionCookieName } },
        pages: { signIn: '/sign-in' },
        callbacks: {
          authorized: ({ req: r, token }) => isPublic(r.nextUrl.pathname) || token !== null,
        },
      })(req as NextRequestWithAuth, event);

  const response =
    gated instanceof Response ? gated : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (env.secureCookies) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
