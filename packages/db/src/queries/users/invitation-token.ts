import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the secret part of an invitation or reset link. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** Only this is stored: a database leak does not yield usable links. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as generated above (43 base64url characters); anything else is not looked up. */
export const looksLikeInvitationToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
