import { sql } from 'drizzle-orm';
import { getDatabase } from '../../client';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';

// A staff user's TOTP secret, through the SECURITY DEFINER `auth_totp_*` functions (migration 0018):
// the app role cannot read `user_totp`. The caller decides who may call these (the user itself).

type Options = { db?: Db };
const dbOf = async (o: Options | undefined) => o?.db ?? (await getDatabase()).db;

export type StoredTotp = { secretBox: string; enabled: boolean };

export async function getTotp(userId: string, options?: Options): Promise<StoredTotp | null> {
  const db = await dbOf(options);
  const [row] = rowsOf<{ secret_box: string; enabled_at: string | Date | null }>(
    await db.execute(sql`select secret_box, enabled_at from public.auth_totp_get(${userId}::uuid)`),
  );
  return row ? { secretBox: row.secret_box, enabled: row.enabled_at !== null } : null;
}

/** Stores a pending secret; false when TOTP is already enabled (disable it first). */
export async function beginTotp(userId: string, secretBox: string, options?: Options): Promise<boolean> {
  const db = await dbOf(options);
  const [row] = rowsOf<{ ok: boolean }>(
    await db.execute(sql`select public.auth_totp_begin(${userId}::uuid, ${secretBox}) as ok`),
  );
  return row?.ok === true;
}

export async function enableTotp(userId: string, options?: Options): Promise<boolean> {
  const db = await dbOf(options);
  const [row] = rowsOf<{ ok: boolean | null }>(
    await db.execute(sql`select public.auth_totp_enable(${userId}::uuid) as ok`),
  );
  return row?.ok === true;
}

export async function disableTotp(userId: string, options?: Options): Promise<boolean> {
  const db = await dbOf(options);
  const [row] = rowsOf<{ ok: boolean | null }>(
    await db.execute(sql`select public.auth_totp_disable(${userId}::uuid) as ok`),
  );
  return row?.ok === true;
}
