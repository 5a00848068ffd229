import { users } from '@palisade/db/schema';
import { FIXTURE_PASSWORD, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '@/shared/sign-in-error';
import { authorizeCredentials } from './options';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();

const from = (ip: string) => ({ 'x-forwarded-for': `${ip}, 10.0.0.1` });

async function oneClient() {
  const [tenant] = await seedTenants(t.db, 1);
  if (!tenant) throw new Error('seedTenants returned no tenant');
  return tenant.clientUser;
}

describe('authorizeCredentials', () => {
  it('signs in with the right password, case-insensitively on the email', async () => {
    const user = await oneClient();
    const signedIn = await authorizeCredentials(
      { email: user.email.toUpperCase(), password: FIXTURE_PASSWORD },
      from('192.0.2.1'),
    );
    expect(signedIn).toMatchObject({ id: user.id, email: user.email });
  });

  it('refuses a wrong password, an unknown email and a deactivated account alike', async () => {
    const user = await oneClient();
    expect(
      await authorizeCredentials({ email: user.email, password: 'wrong' }, from('192.0.2.2')),
    ).toBeNull();
    expect(
      await authorizeCredentials({ email: 'nobody@fixture.test', password: 'x' }, from('192.0.2.2')),
    ).toBeNull();
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(
      await authorizeCredentials({ email: user.email, password: FIXTURE_PASSWORD }, from('192.0.2.2')),
    ).toBeNull();
  });

  it('throttles an account after repeated failures, even with the right password, from any IP', async () => {
    const user = await oneClient();
    for (let i = 0; i < 5; i++) {
      expect(
        await authorizeCredentials({ email: user.email, password: 'wrong' }, from(`198.51.100.${i}`)),
      ).toBeNull();
    }
    const attempt = authorizeCredentials(
      { email: user.email, password: FIXTURE_PASSWORD },
      from('203.0.113.9'),
    );
    const error = await attempt.then(
      () => null,
      (err: Error) => err.message,
    );
    expect(signInErrorMessage(error)).toMatch(/^Too many attempts, try again in \d+ minutes?\.$/);
  });

  it('throttles an IP that tries many accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await authorizeCredentials({ email: `spray-${i}@fixture.test`, password: 'x' }, from('192.0.2.99'));
    }
    const user = await oneClient();
    await expect(
      authorizeCredentials({ email: user.email, password: FIXTURE_PASSWORD }, from('192.0.2.99')),
    ).rejects.toThrow(/^Throttled:\d+$/);
    expect(
      await authorizeCredentials({ email: user.email, password: FIXTURE_PASSWORD }, from('192.0.2.100')),
    ).toMatchObject({
      id: user.id,
    });
  });
});
