import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** How long an emailed download link works. */
export const REPORT_LINK_TTL_SECONDS = 7 * 24 * 3600;

export type ReportLink = { tenantId: string; reportId: string; expiresAt: Date };

// A key of its own, derived from the at-rest key: a link signature can never be confused with
// anything else that key protects.
const linkKey = (secretKey: Buffer) =>
  createHmac('sha256', secretKey).update('palisade report link v1').digest();

const sign = (secretKey: Buffer, body: string) =>
  createHmac('sha256', linkKey(secretKey)).update(body).digest('base64url');

/** `<tenant>.<report>.<expiry unix s>.<HMAC-SHA256>`: a bearer token for one report until it expires. */
export function signReportLink(secretKey: Buffer, link: ReportLink): string {
  const body = `${link.tenantId}.${link.reportId}.${Math.floor(link.expiresAt.getTime() / 1000)}`;
  return `${body}.${sign(secretKey, body)}`;
}

const Parts = z.tuple([z.uuid(), z.uuid(), z.string().regex(/^\d{1,12}$/), z.string().regex(/^[\w-]{43}$/)]);

export type LinkCheck =
  | { ok: true; link: ReportLink }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Checks the signature first (constant time), then the expiry. */
export function verifyReportLink(secretKey: Buffer, token: string, now: Date): LinkCheck {
  const parsed = Parts.safeParse(token.split('.'));
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const [tenantId, reportId, expiry, signature] = parsed.data;
  const expected = Buffer.from(sign(secretKey, `${tenantId}.${reportId}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, link: { tenantId, reportId, expiresAt } };
}
