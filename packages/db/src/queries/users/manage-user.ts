import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { invitations, memberships, userPublicColumns, users } from '../../schema/index';
import { UserAdminError } from './user-errors';

const Actor = { actorUserId: z.uuid().nullable(), ip: z.string().max(100).nullable().optional() };

/** A user of the tenant with its role there; UserAdminError when the user is not in the tenant. */
async function tenantUser(tx: Tx, tenantId: string, userId: string) {
  const [row] = await tx
    .select({ ...userPublicColumns, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, userId), eq(memberships.tenantId, tenantId)));
  if (!row) throw new UserAdminError('no such user in this tenant');
  return row;
}

export const SetUserActiveInput = z.object({
  tenantId: z.uuid(),
  userId: z.uuid(),
  active: z.boolean(),
  ...Actor,
});
export type SetUserActiveInput = z.input<typeof SetUserActiveInput>;

/**
 * Deactivates (or reactivates) a user. Sessions end at once: every request re-resolves the actor
 * and refuses an inactive one. `allowedRoles` limits whom the caller may touch (a client admin:
 * the client roles only).
 */
export async function setUserActive(tx: Tx, input: SetUserActiveInput, allowedRoles: readonly string[]) {
  const p = SetUserActiveInput.parse(input);
  const user = await tenantUser(tx, p.tenantId, p.userId);
  if (!allowedRoles.includes(user.role)) throw new UserAdminError(`you cannot change a ${user.role} user`);
  if (p.userId === p.actorUserId && !p.active) throw new UserAdminError('you cannot deactivate yourself');
  await tx.update(users).set({ active: p.active }).where(eq(users.id, p.userId));
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: p.active ? 'user.reactivated' : 'user.deactivated',
    target: `user:${p.userId}`,
    before: { active: user.active },
    after: { active: p.active },
    ip: p.ip ?? null,
  });
  return { id: p.userId, active: p.active };
}

export const SetClientRoleInput = z.object({
  tenantId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(['client_admin', 'client_viewer']),
  ...Actor,
});
export type SetClientRoleInput = z.input<typeof SetClientRoleInput>;

/** Changes a client user's role in its tenant. */
export async function setClientRole(tx: Tx, input: SetClientRoleInput) {
  const p = SetClientRoleInput.parse(input);
  const user = await tenantUser(tx, p.tenantId, p.userId);
  if (user.kind !== 'client') throw new UserAdminError('only client users have client roles');
  if (p.userId === p.actorUserId) throw new UserAdminError('you cannot change your own role');
  await tx
    .update(memberships)
    .set({ role: p.role })
    .where(and(eq(memberships.tenantId, p.tenantId), eq(memberships.userId, p.userId)));
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: 'user.role_changed',
    target: `user:${p.userId}`,
    before: { role: user.role },
    after: { role: p.role },
    ip: p.ip ?? null,
  });
  return { id: p.userId, role: p.role };
}

export const AssignAnalystInput = z.object({ tenantId: z.uuid(), userId: z.uuid(), ...Actor });
export type AssignAnalystInput = z.input<typeof AssignAnalystInput>;

/** Gives a staff user (found by the caller, e.g. by email) access to the tenant as analyst. */
export async function assignAnalyst(tx: Tx, input: AssignAnalystInput) {
  const p = AssignAnalystInput.parse(input);
  const inserted = await tx
    .insert(memberships)
    .values({ tenantId: p.tenantId, userId: p.userId, role: 'analyst' })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  if (inserted.length > 0) {
    await recordAudit(tx, {
      tenantId: p.tenantId,
      actorUserId: p.actorUserId,
      action: 'user.analyst_assigned',
      target: `user:${p.userId}`,
      after: { role: 'analyst' },
      ip: p.ip ?? null,
    });
  }
  return { userId: p.userId, assigned: inserted.length > 0 };
}

/** Removes an analyst's access to the tenant. */
export async function unassignAnalyst(tx: Tx, input: AssignAnalystInput) {
  const p = AssignAnalystInput.parse(input);
  const removed = await tx
    .delete(memberships)
    .where(
      and(
        eq(memberships.tenantId, p.tenantId),
        eq(memberships.userId, p.userId),
        eq(memberships.role, 'analyst'),
      ),
    )
    .returning({ userId: memberships.userId });
  if (removed.length === 0) throw new UserAdminError('this user is not an analyst of the tenant');
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: 'user.analyst_unassigned',
    target: `user:${p.userId}`,
    before: { role: 'analyst' },
    ip: p.ip ?? null,
  });
  return { userId: p.userId };
}

export const RevokeInvitationInput = z.object({ tenantId: z.uuid(), invitationId: z.uuid(), ...Actor });
export type RevokeInvitationInput = z.input<typeof RevokeInvitationInput>;

/** Withdraws an open invitation: its link stops working. */
export async function revokeInvitation(tx: Tx, input: RevokeInvitationInput) {
  const p = RevokeInvitationInput.parse(input);
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.tenantId, p.tenantId),
        eq(invitations.id, p.invitationId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id, email: invitations.email });
  const row = revoked[0];
  if (!row) throw new UserAdminError('no open invitation with this id');
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: 'user.invitation_revoked',
    target: `invitation:${row.id}`,
    before: { email: row.email },
    ip: p.ip ?? null,
  });
  return row;
}
