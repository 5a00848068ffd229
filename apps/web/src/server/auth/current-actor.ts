import { clientTenantStatus } from '@palisade/db/queries/users/client-tenant-status';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { serverCaller } from '@/trpc/server';
import type { ActorKind } from './actor-kind';
import { readSessionToken } from './session-token';

/**
 * For layouts and pages: the signed-in user via `me.get`, re-resolved from the
 * database. A session whose user was deactivated goes back to sign-in; the wrong
 * kind of user gets the 403 page (proxy.ts already routes by the JWT's kind; this
 * catches a kind changed since the token was issued). Cached per request: the
 * layout and its page share one lookup.
 */
export const requireMe = cache(async (kind: ActorKind) => {
  const caller = await serverCaller();
  const me = await caller.me.get().catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === 'UNAUTHORIZED') return null;
    throw err;
  });
  if (!me) redirect((await suspendedTenant()) ? '/suspended' : '/sign-in?error=SessionEnded');
  if (me.kind !== kind) forbidden();
  return me;
});

/** A client user refused only because its tenant is suspended gets the locked page, not sign-in. */
async function suspendedTenant(): Promise<boolean> {
  const token = await readSessionToken(await headers());
  if (token?.kind !== 'client' || !token.sub) return false;
  return (await clientTenantStatus(token.sub))?.status === 'suspended';
}
