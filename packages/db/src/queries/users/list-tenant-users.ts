import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../database';
import { invitations, memberships, users } from '../../schema/index';

/** The tenant's users (client users and assigned analysts) with their role there. */
export async function listTenantUsers(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      kind: users.kind,
      active: users.active,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(memberships.role), asc(users.email));
}

/** Invitations not yet used or revoked (expired ones included, marked by `expiresAt`). */
export async function listOpenInvitations(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.purpose, 'invite'),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}
