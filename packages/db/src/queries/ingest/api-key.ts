import { createHash, randomBytes } from 'node:crypto';

/** `psk_<8 hex>`: shown in the console to tell keys apart; not secret. */
const KEY_FORMAT = /^psk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export type GeneratedApiKey = { key: string; prefix: string; hash: string };

/** A new data-source key: 256 random bits. Only its SHA-256 is stored. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = `psk_${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/**
 * SHA-256 hex. A fast hash is right here: the key has 256 bits of entropy, so there is nothing to
 * brute-force, and intake checks it on every request.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database. */
export function looksLikeApiKey(key: string): boolean {
  return KEY_FORMAT.test(key);
}
