import { NextRequest } from 'next/server';
import { getToken, type JWT } from 'next-auth/jwt';
import { env } from '@/env';

/** Session cookie name; the __Secure- prefix requires (and follows) an https NEXTAUTH_URL. */
export const sessionCookieName = env.secureCookies
  ? '__Secure-next-auth.session-token'
  : 'next-auth.session-token';

/** Decodes the next-auth JWT from request headers (cookie), or null when absent or invalid. */
export async function readSessionToken(headers: Headers): Promise<JWT | null> {
  const req = new NextRequest(env.NEXTAUTH_URL, { headers });
  return getToken({ req, cookieName: sessionCookieName, secret: env.NEXTAUTH_SECRET });
}
