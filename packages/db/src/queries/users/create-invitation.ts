import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { invitations, memberships, userPublicColumns, users } from '../../schema/index';
import { newInvitationToken } from './invitation-token';
import { UserAdminError } from './user-errors';

export const INVITATION_TTL_HOURS = 72;
export const PASSWORD_RESET_TTL_HOURS = 2;

export const CreateInvitationInput = z.object({
  tenantId: z.uuid(),
  email: z.email().trim().toLowerCase(),
  role: z.enum(['client_admin', 'client_viewer']),
  actorUserId: z.uuid().nullable(),
  ip: z.string().max(100).nullable().optional(),
});
export type CreateInvitationInput = z.input<typeof CreateInvitationInput>;

export type CreatedLink = { id: string; token: string; expiresAt: Date };

/**
 * A one-time invitation for a client user of the tenant. Earlier open invitations to the same
 * address are revoked, so only the newest link works. The token is returned once, never stored.
 */
export async function createInvitation(tx: Tx, input: CreateInvitationInput): Promise<CreatedLink> {
  const p = CreateInvitationInput.parse(input);
  const [member] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, p.email), eq(memberships.tenantId, p.tenantId)));
  if (member) throw new UserAdminError(`${p.email} already has an account in this tenant`);
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.tenantId, p.tenantId),
        eq(invitations.email, p.email),
        eq(invitations.purpose, 'invite'),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    );
  return insertLink(tx, {
    tenantId: p.tenantId,
    purpose: 'invite',
    email: p.email,
    role: p.role,
    userId: null,
    actorUserId: p.actorUserId,
    ip: p.ip ?? null,
    ttlHours: INVITATION_TTL_HOURS,
  });
}

export const CreatePasswordResetInput = z.object({
  tenantId: z.uuid(),
  userId: z.uuid(),
  actorUserId: z.uuid().nullable(),
  ip: z.string().max(100).nullable().optional(),
});
export type CreatePasswordResetInput = z.input<typeof CreatePasswordResetInput>;

/** A one-time reset link for a user who belongs to the tenant (client user or assigned analyst). */
export async function createPasswordReset(
  tx: Tx,
  input: CreatePasswordResetInput,
): Promise<CreatedLink & { email: string }> {
  const p = CreatePasswordResetInput.parse(input);
  const [user] = await tx
    .select(userPublicColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, p.userId), eq(memberships.tenantId, p.tenantId)));
  if (!user) throw new UserAdminError('no such user in this tenant');
  const link = await insertLink(tx, {
    tenantId: p.tenantId,
    purpose: 'password_reset',
    email: user.email,
    role: null,
    userId: user.id,
    actorUserId: p.actorUserId,
    ip: p.ip ?? null,
    ttlHours: PASSWORD_RESET_TTL_HOURS,
  });
  return { ...link, email: user.email };
}

async function insertLink(
  tx: Tx,
  link: {
    tenantId: string;
    purpose: 'invite' | 'password_reset';
    email: string;
    role: 'client_admin' | 'client_viewer' | null;
    userId: string | null;
    actorUserId: string | null;
    ip: string | null;
    ttlHours: number;
  },
): Promise<CreatedLink> {
  const { token, tokenHash } = newInvitationToken();
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + link.ttlHours * 3_600_000);
  await tx.insert(invitations).values({
    tenantId: link.tenantId,
    id,
    purpose: link.purpose,
    email: link.email,
    role: link.role,
    userId: link.userId,
    tokenHash,
    invitedBy: link.actorUserId,
    expiresAt,
  });
  await recordAudit(tx, {
    tenantId: link.tenantId,
    actorUserId: link.actorUserId,
    action: link.purpose === 'invite' ? 'user.invited' : 'user.password_reset_requested',
    target: link.userId ? `user:${link.userId}` : `invitation:${id}`,
    after: { email: link.email, role: link.role, expiresAt: expiresAt.toISOString() },
    ip: link.ip,
  });
  return { id, token, expiresAt };
}
