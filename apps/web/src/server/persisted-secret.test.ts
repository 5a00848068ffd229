import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { persistedSecret } from './persisted-secret';

describe('persistedSecret', () => {
  it('generates a secret once, beside the PGlite folder, readable by the owner only', () => {
    const pgliteDir = path.join(mkdtempSync(path.join(tmpdir(), 'palisade-secret-')), 'pglite');
    const first = persistedSecret(pgliteDir, 'secret-key', 'hex');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(path.dirname(pgliteDir), 'secret-key');
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(persistedSecret(pgliteDir, 'secret-key', 'hex')).toBe(first);
  });

  it('keeps one file per name', () => {
    const pgliteDir = path.join(mkdtempSync(path.join(tmpdir(), 'palisade-secret-')), 'pglite');
    const a = persistedSecret(pgliteDir, 'nextauth-secret', 'base64url');
    const b = persistedSecret(pgliteDir, 'secret-key', 'hex');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});
