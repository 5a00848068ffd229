import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { hashPassword } from '../../password';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../pg-error';
import { invitations, memberships, tenants, users } from '../../schema/index';
import { passwordProblems } from './password-rules';
import { InvitationError, PasswordRuleError } from './user-errors';

export const AcceptInvitationInput = z.object({
  invitationId: z.uuid(),
  /** Required for an invitation (the new user's display name); ignored for a reset. */
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024),
  ip: z.string().max(100).nullable().optional(),
});
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

/** What the accept page shows before the form is sent. */
export async function describeInvitation(tx: Tx, invitationId: string) {
  const [row] = await tx
    .select({
      id: invitations.id,
      purpose: invitations.purpose,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      tenantName: tenants.name,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.id, invitationId));
  return row ?? null;
}

/**
 * Uses the link once (inside `withTenant` of its tenant): the conditional update on `used_at` is
 * the one-time guarantee, then the new user + membership are created, or the password replaced.
 * Any failure (weak password, email taken) rolls the whole transaction back: the link stays usable.
 */
export async function acceptInvitation(
  tx: Tx,
  input: AcceptInvitationInput,
): Promise<{ userId: string; email: string; purpose: 'invite' | 'password_reset' }> {
  const p = AcceptInvitationInput.parse(input);
  const [link] = await tx
    .update(invitations)
    .set({ usedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(invitations.id, p.invitationId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`clock_timestamp()`),
      ),
    )
    .returning();
  if (!link) {
    const [stale] = await tx
      .select({ usedAt: invitations.usedAt })
      .from(invitations)
      .where(eq(invitations.id, p.invitationId));
    if (!stale) throw new InvitationError('unknown', 'this link is not valid');
    if (stale.usedAt) throw new InvitationError('used', 'this link has already been used');
    throw new InvitationError('expired', 'this link has expired; ask your administrator for a new one');
  }
  const problems = passwordProblems(p.password, link.email);
  if (problems.length > 0) throw new PasswordRuleError(problems);
  const passwordHash = await hashPassword(p.password);

  if (link.purpose === 'password_reset') {
    const userId = link.userId as string; // the check constraint makes it non-null for resets
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw new InvitationError('unknown', 'this account no longer exists');
    await recordAudit(tx, {
      tenantId: link.tenantId,
      actorUserId: userId,
      action: 'user.password_reset',
      target: `user:${userId}`,
      ip: p.ip ?? null,
    });
    return { userId, email: link.email, purpose: link.purpose };
  }

  if (!p.name) throw new InvitationError('unknown', 'a name is required');
  const userId = crypto.randomUUID();
  // The address may belong to a user of another tenant, invisible here: the unique index decides.
  // No RETURNING: the new user is not visible to the scope until its membership exists.
  try {
    await tx
      .insert(users)
      .values({ id: userId, email: link.email, name: p.name, passwordHash, kind: 'client' });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) {
      throw new InvitationError('email_taken', `an account for ${link.email} already exists`);
    }
    throw err;
  }
  await tx.insert(memberships).values({
    tenantId: link.tenantId,
    userId,
    role: link.role as 'client_admin' | 'client_viewer',
  });
  await recordAudit(tx, {
    tenantId: link.tenantId,
    actorUserId: userId,
    action: 'user.invitation_accepted',
    target: `user:${userId}`,
    after: { email: link.email, role: link.role },
    ip: p.ip ?? null,
  });
  return { userId, email: link.email, purpose: link.purpose };
}
