import { checkLoginThrottle, findUserForLogin, recordLoginAttempt, resolveActor } from '@palisade/db/auth';
import { hashPassword, verifyPassword } from '@palisade/db/password';
import { clientTenantStatus } from '@palisade/db/queries/users/client-tenant-status';
import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { z } from 'zod';
import { env } from '@/env';
import { logger } from '@/server/logger';
import { TENANT_SUSPENDED, TOTP_INVALID, TOTP_REQUIRED, throttledError } from '@/shared/sign-in-error';
import { clientIp } from './client-ip';
import { sessionCookieName } from './session-token';
import { totpSatisfied } from './totp';

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const Credentials = z.object({
  email: z.email().toLowerCase(),
  password: z.string().min(1).max(1024),
  /** Staff with TOTP enabled: the current 6-digit code (an empty field counts as none). */
  totp: z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((v) => v || undefined),
});

const log = logger.child({ component: 'auth' });

// Verifying against this when the email is unknown makes both failures take one
// argon2 verification, so response time does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
};

/**
 * Email + password sign-in, throttled per account and per IP before the password is
 * checked. Returns the user for next-auth, null for wrong credentials or an inactive
 * account; throws the throttle as `Throttled:<seconds>` for the sign-in page to word.
 */
export async function authorizeCredentials(
  raw: unknown,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<User | null> {
  const parsed = Credentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password, totp } = parsed.data;
  const ip = clientIp(headers);
  const throttle = await checkLoginThrottle({ email, ip });
  if (!throttle.allowed) {
    log.warn({ ip }, 'login throttled');
    throw new Error(throttledError(throttle.retryAfterSeconds));
  }
  const user = await findUserForLogin(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  const actor = valid && user ? await resolveActor(user.id) : null;
  // The second factor counts like the password: a wrong code is a failed attempt (throttled).
  const secondFactor = actor?.kind === 'staff' ? await totpSatisfied(actor.userId, totp) : true;
  const success = Boolean(actor?.active) && secondFactor;
  await recordLoginAttempt({ email, ip, success });
  if (!actor || !success) {
    log.info({ ip }, 'login failed');
    if (actor?.active && !secondFactor) throw new Error(totp ? TOTP_INVALID : TOTP_REQUIRED);
    if (
      valid &&
      user?.kind === 'client' &&
      user.active &&
      (await clientTenantStatus(user.id))?.status === 'suspended'
    ) {
      throw new Error(TENANT_SUSPENDED);
    }
    return null;
  }
  log.info({ user_id: actor.userId }, 'login succeeded');
  return { id: actor.userId, email: actor.email, name: actor.name };
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
    totp: { label: 'Authentication code', type: 'text' },
  },
  authorize: (raw, req) => authorizeCredentials(raw, req.headers),
});

/**
 * Optional single sign-on. Enabled only when OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET are set. It never creates users: the IdP's verified email must
 * match an existing, active Palisade user, whose memberships then apply.
 */
function oidcProvider(
  oidc: NonNullable<typeof env.oidc>,
): OAuthConfig<{ sub: string; email?: string; email_verified?: boolean; name?: string }> {
  return {
    id: 'oidc',
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({
      id: profile.sub,
      // An unverified email must not map onto an existing account.
      email: profile.email_verified === false ? null : (profile.email?.toLowerCase() ?? null),
      name: profile.name ?? null,
    }),
  };
}

/** The Palisade user id behind a sign-in: the credentials user, or the OIDC user matched by email. */
async function palisadeUserId(user: { id: string; email?: string | null }, provider: string | undefined) {
  if (provider === 'credentials') return user.id;
  if (!user.email) return null;
  return (await findUserForLogin(user.email))?.id ?? null;
}

export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: env.secureCookies,
  cookies: {
    sessionToken: {
      name: sessionCookieName,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: env.secureCookies },
    },
  },
  pages: { signIn: '/sign-in', signOut: '/sign-out', error: '/sign-in' },
  providers: env.oidc ? [credentials, oidcProvider(env.oidc)] : [credentials],
  callbacks: {
    async signIn({ user, account }) {
      const userId = await palisadeUserId(user, account?.provider);
      const actor = userId ? await resolveActor(userId) : null;
      return Boolean(actor?.active);
    },
    async jwt({ token, user, account }) {
      if (!user) return token;
      const userId = await palisadeUserId(user, account?.provider);
      const actor = userId ? await resolveActor(userId) : null;
      if (!actor) return token;
      return { sub: actor.userId, email: actor.email, name: actor.name, kind: actor.kind };
    },
    session({ session, token }) {
      if (!token.sub || !token.kind) return session;
      return { ...session, user: { id: token.sub, kind: token.kind, email: token.email, name: token.name } };
    },
  },
  logger: {
    error: (code, metadata) => log.error({ code, err: metadata }, 'next-auth error'),
    warn: (code) => log.warn({ code }, 'next-auth warning'),
    debug: () => {},
  },
};
