import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { persistedSecret } from './server/persisted-secret';

/**
 * The only reader of process.env in apps/web. Validated once at import.
 *
 * NEXTAUTH_SECRET: when unset, a random secret is generated once and persisted next
 * to the PGlite folder, in `<dirname(PALISADE_DATA_DIR)>/nextauth-secret` (mode 0600;
 * `.data/nextauth-secret` by default), so the embedded one-process
 * default survives restarts without a shared default that anyone could forge
 * tokens with. In production with DATABASE_URL (several processes, possibly several
 * hosts) the secret must be set explicitly: a per-host file would split sessions.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEXTAUTH_URL: z.url().default('http://localhost:3000'),
  NEXTAUTH_SECRET: optional,
  /**
   * At-rest key for sealed secrets (32 bytes, hex or base64). When unset outside production it is
   * generated once beside the PGlite folder (`<dirname(PALISADE_DATA_DIR)>/secret-key`) on first
   * use: see server/ingest/at-rest-key.ts.
   */
  PALISADE_SECRET_KEY: optional,
  DATABASE_URL: optional,
  /** Same default as @palisade/db (which reads it itself), relative to the working directory. */
  PALISADE_DATA_DIR: z.string().min(1).default('./.data/pglite'),
  PALISADE_MIGRATIONS_DIR: optional,
  PALISADE_SEED_DEMO: z.enum(['0', '1']).default('0'),
  PALISADE_EMBEDDED_WORKER: z.enum(['0', '1']).optional(),
  /** Embedded worker health/metrics port (the worker process reads the same name); 9464 by default. */
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  OIDC_ISSUER: optional.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

function resolveSecret(parsed: z.infer<typeof EnvSchema>, building: boolean): string {
  if (parsed.NEXTAUTH_SECRET) return parsed.NEXTAUTH_SECRET;
  // `next build` loads route modules but serves nothing: no secret needed, none written.
  if (building) return randomBytes(32).toString('base64url');
  if (parsed.NODE_ENV === 'production' && parsed.DATABASE_URL) {
    throw new Error('NEXTAUTH_SECRET must be set in production when DATABASE_URL is set');
  }
  return persistedSecret(parsed.PALISADE_DATA_DIR, 'nextauth-secret', 'base64url');
}

/** Validates an environment (process.env in the app; a literal in tests). */
export function loadEnv(source: Record<string, string | undefined>) {
  const parsed = EnvSchema.parse(source);
  const oidcParts = [parsed.OIDC_ISSUER, parsed.OIDC_CLIENT_ID, parsed.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  }
  return {
    ...parsed,
    NEXTAUTH_SECRET: resolveSecret(parsed, source.NEXT_PHASE === 'phase-production-build'),
    /** Secure cookies (and the __Secure- prefix) follow the public URL's scheme. */
    secureCookies: parsed.NEXTAUTH_URL.startsWith('https://'),
    /** Embedded default: no DATABASE_URL means one process, so the worker runs inside web. */
    embeddedWorker:
      parsed.PALISADE_EMBEDDED_WORKER === '1' ||
      (parsed.PALISADE_EMBEDDED_WORKER === undefined && !parsed.DATABASE_URL),
    oidc:
      parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID && parsed.OIDC_CLIENT_SECRET
        ? {
            issuer: parsed.OIDC_ISSUER,
            clientId: parsed.OIDC_CLIENT_ID,
            clientSecret: parsed.OIDC_CLIENT_SECRET,
          }
        : undefined,
  } as const;
}

export const env = loadEnv(process.env);

// next-auth reads these two from process.env itself (route handler, getToken):
// publish the validated values so library and app agree.
process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;
process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
// @palisade/db finds its migrations relative to its own source, which the Next bundle
// moves; point it at the workspace package (Next runs with apps/web as cwd).
if (!env.PALISADE_MIGRATIONS_DIR) {
  process.env.PALISADE_MIGRATIONS_DIR = path.resolve('node_modules/@palisade/db/migrations');
}
