/**
 * next-auth passes an error thrown in `authorize` to the client as a string; the
 * throttle encodes its wait as `Throttled:<seconds>` so the sign-in page can word it.
 */
const THROTTLED = 'Throttled:';

export const throttledError = (retryAfterSeconds: number) => `${THROTTLED}${Math.ceil(retryAfterSeconds)}`;

/** Thrown by `authorize` for staff with TOTP: no code given, or a wrong one. */
export const TOTP_REQUIRED = 'TotpRequired';
export const TOTP_INVALID = 'TotpInvalid';
/** Thrown by `authorize` for a client user whose tenant is suspended (right password). */
export const TENANT_SUSPENDED = 'TenantSuspended';

export const isTotpError = (error: string) => error === TOTP_REQUIRED || error === TOTP_INVALID;

export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error.startsWith(THROTTLED)) {
    const minutes = Math.max(1, Math.ceil(Number(error.slice(THROTTLED.length)) / 60));
    return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  if (error === 'CredentialsSignin') return 'Wrong email or password.';
  if (error === 'AccessDenied') return 'This account has no access to Palisade.';
  if (error === 'SessionEnded') return 'Your session has ended. Sign in again.';
  if (error === TOTP_REQUIRED) return 'Enter the 6-digit code from your authenticator app.';
  if (error === TOTP_INVALID)
    return 'Wrong authentication code. Check the time on your device and try again.';
  if (error === TENANT_SUSPENDED)
    return "Your organisation's portal is suspended. Contact your security provider.";
  return 'Sign-in failed. Try again.';
}
