import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A random secret generated on first use and kept beside (not inside: PostgreSQL owns that
 * folder) the PGlite data folder, mode 0600, so the embedded one-process default survives
 * restarts without a shared default anyone could use. Not for DATABASE_URL deployments,
 * where several processes on several hosts must share one configured value.
 */
export function persistedSecret(pgliteDir: string, name: string, encoding: 'hex' | 'base64url'): string {
  const dir = path.dirname(path.resolve(pgliteDir));
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  // 'wx' fails if another process won the race; read theirs then.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
