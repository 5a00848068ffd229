import { describe, expect, it } from 'vitest';
import { signInErrorMessage, throttledError } from './sign-in-error';

describe('signInErrorMessage', () => {
  it('words the throttle wait in whole minutes, rounding up', () => {
    expect(signInErrorMessage(throttledError(61))).toBe('Too many attempts, try again in 2 minutes.');
    expect(signInErrorMessage(throttledError(5))).toBe('Too many attempts, try again in 1 minute.');
  });

  it('says a wrong password without saying which part was wrong', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.');
  });

  it('has no message without an error', () => {
    expect(signInErrorMessage(undefined)).toBeNull();
  });
});
