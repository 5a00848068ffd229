import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from './client';
import type { Db } from './database';
import { rowsOf } from './rows';
import { membershipRole, userKind } from './schema/index';

// System lookups needed before any scope exists. Each is a SECURITY DEFINER function (migration 0002)
// executable only by palisade_auth: the app role never reads users' hashes or other tenants' rows.

/** Optional explicit database; defaults to the process singleton. */
export type AuthOptions = { db?: Db };

const dbOf = async (options: AuthOptions | undefined): Promise<Db> => options?.db ?? (await getDatabase()).db;

export const LoginUserOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  passwordHash: z.string(),
  kind: z.enum(userKind.enumValues),
  active: z.boolean(),
});
export type LoginUserOutput = z.infer<typeof LoginUserOutput>;

export async function findUserForLogin(
  email: string,
  options?: AuthOptions,
): Promise<LoginUserOutput | null> {
  const db = await dbOf(options);
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select id, email, name, password_hash, kind, active from public.auth_find_user_for_login(${email})`,
    ),
  );
  if (!row) return null;
  return LoginUserOutput.parse({ ...row, passwordHash: row.password_hash });
}

export const ActorOutput = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  kind: z.enum(userKind.enumValues),
  role: z.enum(membershipRole.enumValues),
  tenantIds: z.array(z.uuid()),
  active: z.boolean(),
});
export type ActorOutput = z.infer<typeof ActorOutput>;

/** The user's current role and tenant scope; null for an unknown user or a client without a tenant. */
export async function resolveActor(userId: string, options?: AuthOptions): Promise<ActorOutput | null> {
  const parsed = z.uuid().safeParse(userId);
  if (!parsed.success) return null;
  const db = await dbOf(options);
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select user_id, email, name, kind, role, tenant_ids, active from public.auth_resolve_actor(${parsed.data}::uuid)`,
    ),
  );
  if (!row) return null;
  return ActorOutput.parse({
    userId: row.user_id,
    email: row.email,
    name: row.name,
    kind: row.kind,
    role: row.role,
    tenantIds: row.tenant_ids,
    active: row.active,
  });
}

export const LoginAttemptInput = z.object({ email: z.string(), ip: z.string().min(1) });
export type LoginAttemptInput = z.infer<typeof LoginAttemptInput>;

export const LoginThrottleOutput = z.object({
  allowed: z.boolean(),
  retryAfterSeconds: z.number().int().nonnegative(),
});
export type LoginThrottleOutput = z.infer<typeof LoginThrottleOutput>;

/** Whether a sign-in may be tried now: 5 failures / 15 min per account, 20 / 15 min per IP. */
export async function checkLoginThrottle(
  input: LoginAttemptInput,
  options?: AuthOptions,
): Promise<LoginThrottleOutput> {
  const { email, ip } = LoginAttemptInput.parse(input);
  const db = await dbOf(options);
  const [row] = rowsOf<{ allowed: boolean; retry_after_seconds: number }>(
    await db.execute(
      sql`select allowed, retry_after_seconds from public.auth_check_login_throttle(${email}, ${ip})`,
    ),
  );
  return LoginThrottleOutput.parse({ allowed: row?.allowed, retryAfterSeconds: row?.retry_after_seconds });
}

export const RecordLoginAttemptInput = LoginAttemptInput.extend({ success: z.boolean() });
export type RecordLoginAttemptInput = z.infer<typeof RecordLoginAttemptInput>;

/** A failure counts against account and IP; a success clears the account's failures. */
export async function recordLoginAttempt(
  input: RecordLoginAttemptInput,
  options?: AuthOptions,
): Promise<void> {
  const { email, ip, success } = RecordLoginAttemptInput.parse(input);
  const db = await dbOf(options);
  await db.execute(sql`select public.auth_record_login_attempt(${email}, ${ip}, ${success})`);
}
