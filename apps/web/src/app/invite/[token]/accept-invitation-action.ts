'use server';

import { acceptInvitation } from '@palisade/db/queries/users/accept-invitation';
import { findInvitation } from '@palisade/db/queries/users/find-invitation';
import { InvitationError, PasswordRuleError } from '@palisade/db/queries/users/user-errors';
import { withTenant } from '@palisade/db/with-tenant';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/server/auth/client-ip';
import { logger } from '@/server/logger';

/** `name` echoes what was typed: React resets the form after the action, the name input restores it. */
export type AcceptState = { error: string | null; problems: string[]; name: string };

/**
 * The accept form's action (no session: the token is the credential). Password and confirmation
 * must match; the rules are checked inside the transaction that uses the link, so a refused
 * password leaves the link usable. On success: sign-in with the address filled in.
 */
export async function acceptInvitationAction(
  token: string,
  _previous: AcceptState,
  form: FormData,
): Promise<AcceptState> {
  const password = String(form.get('password') ?? '');
  const confirm = String(form.get('confirm') ?? '');
  const name = String(form.get('name') ?? '').trim();
  if (password !== confirm) return { error: 'The two passwords differ.', problems: [], name };
  const found = await findInvitation(token);
  if (!found) return { error: 'This link is not valid any more (used or withdrawn).', problems: [], name };
  if (found.expired)
    return { error: 'This link has expired. Ask your administrator for a new one.', problems: [], name };
  const ip = clientIp(Object.fromEntries(await headers()));
  let email: string;
  try {
    const accepted = await withTenant(found.tenantId, (tx) =>
      acceptInvitation(tx, { invitationId: found.id, password, ip, ...(name ? { name } : {}) }),
    );
    email = accepted.email;
    logger.info(
      { tenant_id: found.tenantId, user_id: accepted.userId, purpose: accepted.purpose },
      'link used',
    );
  } catch (err) {
    if (err instanceof PasswordRuleError)
      return { error: 'Choose another password:', problems: err.problems, name };
    if (err instanceof InvitationError) return { error: err.message, problems: [], name };
    throw err;
  }
  redirect(`/sign-in?email=${encodeURIComponent(email)}&welcome=1`);
}
