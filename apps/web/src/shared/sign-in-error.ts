/**
 * next-auth passes an error thrown in `authorize` to the client as a string; the
 * throttle encodes its wait as `Throttled:<seconds>` so the sign-in page can word it.
 */
const THROTTLED = 'Throttled:';

export const throttledError = (retryAfterSeconds: number) => `${THROTTLED}${Math.ceil(retryAfterSeconds)}`;

export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error.startsWith(THROTTLED)) {
    const minutes = Math.max(1, Math.ceil(Number(error.slice(THROTTLED.length)) / 60));
    return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  if (error === 'CredentialsSignin') return 'Wrong email or password.';
  if (error === 'AccessDenied') return 'This account has no access to Palisade.';
  if (error === 'SessionEnded') return 'Your session has ended. Sign in again.';
  return 'Sign-in failed. Try again.';
}
