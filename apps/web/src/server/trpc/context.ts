import { randomUUID } from 'node:crypto';
import { resolveActor } from '@palisade/db/auth';
import { clientIp } from '@/server/auth/client-ip';
import { readSessionToken } from '@/server/auth/session-token';
import { logger } from '@/server/logger';

export type Actor = NonNullable<Awaited<ReturnType<typeof resolveActor>>>;

/**
 * Built per request from the next-auth JWT. The actor (role, tenant scope, active) is
 * resolved from the database every time, so a deactivation or a changed assignment
 * applies on the next request instead of when the 8 h token expires.
 */
export async function createContext({ headers }: { headers: Headers }) {
  const requestId = headers.get('x-request-id') ?? randomUUID();
  const token = await readSessionToken(headers);
  const resolved = token?.sub ? await resolveActor(token.sub) : null;
  const actor = resolved?.active ? resolved : null;
  const log = logger.child({ request_id: requestId, ...(actor ? { user_id: actor.userId } : {}) });
  // The caller's address, for the audit log (`from which address`).
  const ip = clientIp(Object.fromEntries(headers));
  return { actor, log, ip };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
