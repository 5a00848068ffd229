import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * AES-256-GCM for secrets at rest (integration API keys, HMAC secrets, mailbox passwords).
 * Box format: `v1.<base64 iv>.<base64 tag>.<base64 ciphertext>`. The optional `context` is bound as
 * additional authenticated data, so a box copied into another row (another tenant's credentials)
 * fails to open instead of being used there.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

/** 32 bytes, given as 64 hex characters or as base64. */
export const SecretKeyInput = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const bytes = /^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
    if (bytes.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'PALISADE_SECRET_KEY must be 32 bytes (64 hex or base64)' });
      return z.NEVER;
    }
    return bytes;
  });

export class SecretBoxError extends Error {
  readonly code = 'SECRET_BOX' as const;
}

export function sealSecret(key: Buffer, plaintext: string, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join('.');
}

export function openSecret(key: Buffer, box: string, context = ''): string {
  const [version, iv, tag, ciphertext] = box.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new SecretBoxError('not a secret box');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    // Wrong key, wrong context or tampering: GCM cannot tell which, and neither should we.
    throw new SecretBoxError('secret box did not authenticate');
  }
}
