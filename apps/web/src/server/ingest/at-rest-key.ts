import { SecretKeyInput } from '@palisade/db/crypto/secret-box';
import { env } from '@/env';
import { persistedSecret } from '@/server/persisted-secret';

let cached: Buffer | undefined;

/**
 * The at-rest key (PALISADE_SECRET_KEY) for sealed secrets such as data-source HMAC secrets.
 * Unset outside production-with-DATABASE_URL: generated once and kept beside the PGlite folder
 * (`secret-key`, mode 0600), like the NEXTAUTH secret, so the embedded demo survives restarts.
 * Published to process.env so the in-process worker and `secretKeyFromEnv` use the same key.
 */
export function atRestKey(): Buffer {
  if (cached) return cached;
  const text = env.PALISADE_SECRET_KEY ?? persisted();
  cached = SecretKeyInput.parse(text);
  process.env.PALISADE_SECRET_KEY = text;
  return cached;
}

function persisted(): string {
  if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
    throw new Error('PALISADE_SECRET_KEY must be set in production when DATABASE_URL is set');
  }
  return persistedSecret(env.PALISADE_DATA_DIR, 'secret-key', 'hex');
}
