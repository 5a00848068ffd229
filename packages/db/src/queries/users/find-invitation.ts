import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase } from '../../client';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token';

export const FoundInvitation = z.object({ tenantId: z.uuid(), id: z.uuid(), expired: z.boolean() });
export type FoundInvitation = z.infer<typeof FoundInvitation>;

/**
 * The tenant and id of an open (unused, unrevoked) link, before any scope exists, through the
 * SECURITY DEFINER `auth_find_invitation`. Null for an unknown, used or revoked token.
 */
export async function findInvitation(
  token: string,
  options: { db?: Db } = {},
): Promise<FoundInvitation | null> {
  if (!looksLikeInvitationToken(token)) return null;
  const db = options.db ?? (await getDatabase()).db;
  const [row] = rowsOf<{ tenant_id: string; id: string; expired: boolean }>(
    await db.execute(
      sql`select tenant_id, id, expired from public.auth_find_invitation(${hashInvitationToken(token)})`,
    ),
  );
  return row ? FoundInvitation.parse({ tenantId: row.tenant_id, id: row.id, expired: row.expired }) : null;
}
