import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';

describe('passwordProblems', () => {
  it.each([
    ['short', 'a@b.test', 'use at least 12 characters'],
    ['alice.smith@corp.test', 'Alice.Smith@corp.test', 'do not use your email address'],
    ['alice.smith1', 'alice.smith1@corp.test', 'do not use your email address'],
    ['Password1234', 'x@y.test', 'this password is too common'],
    ['aaaaaaaaaaaab', 'x@y.test', 'use more different characters'],
  ])('refuses %s for %s: %s', (password, email, problem) => {
    expect(passwordProblems(password, email)).toContain(problem);
  });

  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('violet-harbour-91-lantern', 'x@y.test')).toEqual([]);
  });
});
