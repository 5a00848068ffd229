/** At least this long: length is what makes a password hard to guess (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// Passwords of 12+ characters that top breach lists; refused whatever their case.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwerty123456',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123abc123',
  'qwertyqwerty',
  'monkey123456',
  'football1234',
  'baseball1234',
  'superman1234',
  'trustno1trustno1',
  'correcthorsebatterystaple',
]);

/** What is wrong with a password for this account; empty when it is acceptable. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    problems.push(`use at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower === address || (localPart.length >= 4 && lower === localPart)) {
    problems.push('do not use your email address');
  }
  if (COMMON.has(lower)) problems.push('this password is too common');
  if (new Set(password).size < 4) problems.push('use more different characters');
  return problems;
}
