import { openSecret, sealSecret } from '@palisade/db/crypto/secret-box';
import { beginTotp, disableTotp, enableTotp, getTotp } from '@palisade/db/queries/users/totp-store';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { atRestKey } from '@/server/ingest/at-rest-key';

const ISSUER = 'Palisade';
// One step either side: phones drift and people type slowly.
const TOLERANCE_SECONDS = 30;

/** The box is bound to the user: a secret copied onto another account does not open. */
const boxContext = (userId: string) => `totp:${userId}`;

export const TOTP_CODE = /^\d{6}$/;

/** Whether the code matches the user's stored secret (pending or enabled). */
async function codeMatches(secretBox: string, userId: string, code: string): Promise<boolean> {
  if (!TOTP_CODE.test(code)) return false;
  const secret = openSecret(atRestKey(), secretBox, boxContext(userId));
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
  return result.valid;
}

/** Sign-in: true when the user has no TOTP, or the code is right. */
export async function totpSatisfied(userId: string, code: string | undefined): Promise<boolean> {
  const stored = await getTotp(userId);
  if (!stored?.enabled) return true;
  return code !== undefined && (await codeMatches(stored.secretBox, userId, code));
}

export async function totpStatus(userId: string): Promise<{ enabled: boolean; pending: boolean }> {
  const stored = await getTotp(userId);
  return { enabled: stored?.enabled ?? false, pending: stored !== null && !stored.enabled };
}

/** A new pending secret, as an otpauth URI, its QR code (data: URL) and the text for manual entry. */
export async function startTotpEnrolment(userId: string, email: string) {
  const secret = generateSecret();
  const stored = await beginTotp(userId, sealSecret(atRestKey(), secret, boxContext(userId)));
  if (!stored) return null;
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  return { uri, secret, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Enables the pending secret once a code from the authenticator matches it. */
export async function confirmTotpEnrolment(userId: string, code: string): Promise<boolean> {
  const stored = await getTotp(userId);
  if (!stored || stored.enabled || !(await codeMatches(stored.secretBox, userId, code))) return false;
  return enableTotp(userId);
}

/** Turns TOTP off, proven by a current code (a stolen session alone cannot remove the factor). */
export async function removeTotp(userId: string, code: string): Promise<boolean> {
  const stored = await getTotp(userId);
  if (!stored?.enabled || !(await codeMatches(stored.secretBox, userId, code))) return false;
  return disableTotp(userId);
}
