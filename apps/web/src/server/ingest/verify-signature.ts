import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_TOLERANCE_SECONDS } from './ingest-limits';

/**
 * HMAC-SHA256 over `<timestamp>.<raw body>` with the data source's secret, sent as
 * `X-Palisade-Signature: sha256=<hex>` with `X-Palisade-Timestamp: <unix seconds>`. The timestamp
 * bounds replays to the tolerance window (dedup makes a replay inside it harmless).
 */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; message: string };

export function verifySignature(
  secret: string,
  headers: Headers,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const signature = headers.get('x-palisade-signature');
  const timestamp = headers.get('x-palisade-timestamp');
  if (!signature || !timestamp) {
    return { ok: false, message: 'this data source requires X-Palisade-Signature and X-Palisade-Timestamp' };
  }
  if (!/^\d{1,12}$/.test(timestamp))
    return { ok: false, message: 'X-Palisade-Timestamp must be unix seconds' };
  const ts = Number(timestamp);
  if (Math.abs(nowSeconds - ts) > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      message: `X-Palisade-Timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s from server time`,
    };
  }
  const expected = Buffer.from(signBody(secret, ts, body), 'utf8');
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, message: 'signature does not match the body' };
  }
  return { ok: true };
}
