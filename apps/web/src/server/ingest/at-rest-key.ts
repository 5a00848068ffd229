import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SecretKeyInput } from '@palisade/db/crypto/secret-box';
import { env } from '@/env';

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
  const dir = path.dirname(path.resolve(env.PALISADE_DATA_DIR));
  const file = path.join(dir, 'secret-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  // 'wx' fails if another process won the race; read theirs then.
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
