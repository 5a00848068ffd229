import { z } from 'zod';

/** The database package's own environment (the apps validate theirs; these two reach us directly). */
export const DbEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Optional owner (superuser or BYPASSRLS) URL for migrations when DATABASE_URL is the restricted
   * login (palisade_login); without it, DATABASE_URL itself migrates.
   */
  DATABASE_OWNER_URL: z
    .string()
    .trim()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PALISADE_DATA_DIR: z.string().trim().min(1).default('./.data/pglite'),
  /** Absolute path to packages/db/migrations for bundled servers where import.meta.url moved. */
  PALISADE_MIGRATIONS_DIR: z.string().trim().min(1).optional(),
});
export type DbEnv = z.infer<typeof DbEnv>;

export const readDbEnv = (): DbEnv => DbEnv.parse(process.env);

/** Test-only settings, read by the harness in ./testing. */
export const TestEnv = z.object({
  DB: z.enum(['postgres', 'pglite']).default('postgres'),
  TEST_DATABASE_URL: z.string().trim().min(1).optional(),
  PGUSER: z.string().trim().min(1).optional(),
});
export type TestEnv = z.infer<typeof TestEnv>;

export const readTestEnv = (): TestEnv => TestEnv.parse(process.env);
