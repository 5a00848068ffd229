import { tenants } from '@palisade/db/schema';
import { FIXTURE_PASSWORD, seedTenants, useTestDatabase } from '@palisade/db/testing';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';
import { authorizeCredentials } from './options';

// The optional second factor of staff users, from enrolment (QR) to sign-in, and the locked sign-in
// of a suspended tenant's client users.

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let analystEmail: string;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  analystEmail = (await (await callerFor(fx.analyst)).me.get()).email;
});

const headers = { 'x-forwarded-for': '192.0.2.77' };
const secretOf = (uri: string) => new URL(uri).searchParams.get('secret') ?? '';

describe('TOTP for staff', () => {
  it('enrols with a QR code, then sign-in needs a current code', async () => {
    const analyst = await callerFor(fx.analyst);
    const started = await analyst.users.totpBegin();
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = secretOf(started.uri);
    expect(secret).toBe(started.secret);
    // Pending until confirmed: sign-in still works with the password alone.
    expect(await analyst.users.totpStatus()).toEqual({ enabled: false, pending: true });
    expect(
      await authorizeCredentials({ email: analystEmail, password: FIXTURE_PASSWORD }, headers),
    ).not.toBeNull();

    await expect(analyst.users.totpConfirm({ code: '000000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await analyst.users.totpConfirm({ code: await generate({ secret }) });
    expect(await analyst.users.totpStatus()).toEqual({ enabled: true, pending: false });
    await expect(analyst.users.totpBegin()).rejects.toMatchObject({ code: 'CONFLICT' });

    await expect(
      authorizeCredentials({ email: analystEmail, password: FIXTURE_PASSWORD }, headers),
    ).rejects.toThrow('TotpRequired');
    await expect(
      authorizeCredentials({ email: analystEmail, password: FIXTURE_PASSWORD, totp: '123456' }, headers),
    ).rejects.toThrow('TotpInvalid');
    const ok = await authorizeCredentials(
      { email: analystEmail, password: FIXTURE_PASSWORD, totp: await generate({ secret }) },
      headers,
    );
    expect(ok).toMatchObject({ id: fx.analyst.id });

    await analyst.users.totpDisable({ code: await generate({ secret }) });
    expect(
      await authorizeCredentials({ email: analystEmail, password: FIXTURE_PASSWORD }, headers),
    ).not.toBeNull();
  });

  it('stores the secret sealed, never in clear', async () => {
    const admin = await callerFor(fx.admin);
    const started = await admin.users.totpBegin();
    const stored = await t.db.execute(`select secret_box from user_totp where user_id = '${fx.admin.id}'`);
    const text = JSON.stringify(stored);
    expect(text).toContain('v1.');
    expect(text).not.toContain(started.secret);
  });
});

describe('suspended tenant sign-in', () => {
  it('tells a client user with the right password that the portal is suspended', async () => {
    const [tenant] = await seedTenants(t.db, 1);
    if (!tenant) throw new Error('no tenant');
    const creds = { email: tenant.clientUser.email, password: FIXTURE_PASSWORD };
    expect(await authorizeCredentials(creds, headers)).not.toBeNull();
    await t.db.update(tenants).set({ status: 'suspended' }).where(eq(tenants.id, tenant.id));
    await expect(authorizeCredentials(creds, headers)).rejects.toThrow('TenantSuspended');
    // A wrong password reveals nothing about the tenant.
    expect(await authorizeCredentials({ ...creds, password: 'wrong-password-1' }, headers)).toBeNull();
  });
});
