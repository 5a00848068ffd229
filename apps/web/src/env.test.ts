import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const tempDataDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'palisade-env-')), 'pglite');

describe('loadEnv', () => {
  it('generates a NEXTAUTH_SECRET once, beside the PGlite folder, readable only by the owner', () => {
    const dataDir = tempDataDir();
    const first = loadEnv({ PALISADE_DATA_DIR: dataDir });
    const file = path.join(path.dirname(dataDir), 'nextauth-secret');
    expect(first.NEXTAUTH_SECRET).toHaveLength(43);
    expect(readFileSync(file, 'utf8')).toBe(first.NEXTAUTH_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadEnv({ PALISADE_DATA_DIR: dataDir }).NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
  });

  it('requires an explicit secret in production with DATABASE_URL (several processes)', () => {
    expect(() =>
      loadEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/palisade',
        PALISADE_DATA_DIR: tempDataDir(),
      }),
    ).toThrow(/NEXTAUTH_SECRET must be set/);
  });

  it('writes nothing during next build', () => {
    const dataDir = tempDataDir();
    loadEnv({ NEXT_PHASE: 'phase-production-build', PALISADE_DATA_DIR: dataDir });
    expect(existsSync(path.join(path.dirname(dataDir), 'nextauth-secret'))).toBe(false);
  });

  it('runs the worker in-process only for the embedded database, unless told otherwise', () => {
    const base = { NEXTAUTH_SECRET: 's' };
    expect(loadEnv(base).embeddedWorker).toBe(true);
    expect(loadEnv({ ...base, PALISADE_EMBEDDED_WORKER: '0' }).embeddedWorker).toBe(false);
    expect(loadEnv({ ...base, DATABASE_URL: 'postgres://db/p' }).embeddedWorker).toBe(false);
    expect(
      loadEnv({ ...base, DATABASE_URL: 'postgres://db/p', PALISADE_EMBEDDED_WORKER: '1' }).embeddedWorker,
    ).toBe(true);
  });

  it('enables OIDC only with all three settings, and refuses a partial set', () => {
    const base = { NEXTAUTH_SECRET: 's' };
    expect(loadEnv(base).oidc).toBeUndefined();
    const full = { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'palisade', OIDC_CLIENT_SECRET: 'x' };
    expect(loadEnv({ ...base, ...full }).oidc).toEqual({
      issuer: 'https://idp.example',
      clientId: 'palisade',
      clientSecret: 'x',
    });
    expect(() => loadEnv({ ...base, OIDC_ISSUER: 'https://idp.example' })).toThrow(/must be set together/);
  });

  it('uses secure cookies exactly when the public URL is https', () => {
    expect(loadEnv({ NEXTAUTH_SECRET: 's', NEXTAUTH_URL: 'https://soc.example' }).secureCookies).toBe(true);
    expect(loadEnv({ NEXTAUTH_SECRET: 's' }).secureCookies).toBe(false);
  });
});
