import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, SecretKeyInput, sealSecret } from './secret-box';
import { secretKeyFromEnv } from './secret-key';

const key = randomBytes(32);

describe('secret box', () => {
  it('round-trips and never contains the plaintext', () => {
    const box = sealSecret(key, 'vt-api-key-123', 'ctx');
    expect(box).not.toContain('vt-api-key-123');
    expect(openSecret(key, box, 'ctx')).toBe('vt-api-key-123');
  });

  it('uses a fresh IV per seal', () => {
    expect(sealSecret(key, 'same')).not.toBe(sealSecret(key, 'same'));
  });

  it('refuses another context, another key and tampering', () => {
    const box = sealSecret(key, 'secret', 'integration_credentials:tenant-a:virustotal');
    expect(() => openSecret(key, box, 'integration_credentials:tenant-b:virustotal')).toThrow(/authenticate/);
    expect(() => openSecret(randomBytes(32), box, 'integration_credentials:tenant-a:virustotal')).toThrow();
    const parts = box.split('.');
    const flipped = Buffer.from(parts[3] ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    parts[3] = flipped.toString('base64');
    expect(() => openSecret(key, parts.join('.'), 'integration_credentials:tenant-a:virustotal')).toThrow();
    expect(() => openSecret(key, 'garbage')).toThrow(/not a secret box/);
  });

  it('reads a 32-byte key as hex or base64 and rejects other lengths', () => {
    const hex = key.toString('hex');
    expect(secretKeyFromEnv({ PALISADE_SECRET_KEY: hex }).equals(key)).toBe(true);
    expect(secretKeyFromEnv({ PALISADE_SECRET_KEY: key.toString('base64') }).equals(key)).toBe(true);
    expect(SecretKeyInput.safeParse('abcd').success).toBe(false);
    expect(() => secretKeyFromEnv({})).toThrow();
  });
});
