/** A link that is unknown, used, revoked or expired: the accept page says which, nothing is written. */
export class InvitationError extends Error {
  readonly code = 'INVITATION_INVALID' as const;
  override readonly name = 'InvitationError';
  constructor(
    readonly reason: 'unknown' | 'expired' | 'used' | 'email_taken',
    message: string,
  ) {
    super(message);
  }
}

/** A password the rules refuse; `problems` are shown to the user as they are. */
export class PasswordRuleError extends Error {
  readonly code = 'PASSWORD_RULES' as const;
  override readonly name = 'PasswordRuleError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** A user operation that does not fit the user (e.g. assigning a client user as analyst). */
export class UserAdminError extends Error {
  readonly code = 'USER_ADMIN' as const;
  override readonly name = 'UserAdminError';
}
