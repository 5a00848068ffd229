import { z } from 'zod';
import { SecretKeyInput } from './secret-box';

const SecretKeyEnv = z.object({ PALISADE_SECRET_KEY: SecretKeyInput });

/**
 * The at-rest key from PALISADE_SECRET_KEY, read when first needed (a process that never touches a
 * secret need not have it). Rotating it requires re-sealing every box.
 */
export function secretKeyFromEnv(env: Record<string, string | undefined> = process.env): Buffer {
  return SecretKeyEnv.parse(env).PALISADE_SECRET_KEY;
}
