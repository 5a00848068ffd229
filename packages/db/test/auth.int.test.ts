import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLoginThrottle, findUserForLogin, recordLoginAttempt, resolveActor } from '../src/auth';
import { verifyPassword } from '../src/password';
import { loginFailures, memberships, tenants, users } from '../src/schema/index';
import { DEMO_TENANTS, DEMO_USERS, type DemoLogins, seedDemo } from '../src/seed';
import { useTestDatabase } from '../src/testing';
import { rows } from './helpers';

// Sign-in lookups run as the login role (palisade_login on PostgreSQL): its grants must suffice.
const t = useTestDatabase();
const onApp = () => ({ db: t.app.db });
let logins: DemoLogins;

const counts = async () =>
  rows<Record<string, number>>(
    t.db,
    sql`select (select count(*) from tenants)::int as tenants, (select count(*) from users)::int as users,
               (select count(*) from memberships)::int as memberships, (select count(*) from mssp_admins)::int as admins`,
  );

const userId = (email: string) => DEMO_USERS.find((u) => u.email === email)?.id ?? '';
const tenantId = (slug: string) => DEMO_TENANTS.find((x) => x.slug === slug)?.id ?? '';

beforeAll(async () => {
  logins = await seedDemo(t.db);
});

describe('seedDemo', () => {
  it('is idempotent: a second run changes no counts and returns the same logins', async () => {
    const before = await counts();
    expect(before).toEqual([{ tenants: 3, users: 6, memberships: 8, admins: 1 }]);
    expect(await seedDemo(t.db)).toEqual(logins);
    expect(await counts()).toEqual(before);
  });

  it('creates 3 branded tenants, 1 admin, 2 analysts and a client admin per tenant', async () => {
    const all = await t.db.select().from(tenants);
    expect(all.map((r) => r.name).sort()).toEqual(['Acme Health', 'Globex Logistics', 'Initech Finance']);
    expect(new Set(all.map((r) => r.primaryColor)).size).toBe(3);
    expect(all.every((r) => r.logoSvg?.startsWith('<svg'))).toBe(true);
    expect(logins.map((l) => l.role).sort()).toEqual([
      'analyst',
      'analyst',
      'client_admin',
      'client_admin',
      'client_admin',
      'mssp_admin',
    ]);
    expect(logins.filter((l) => l.tenant).map((l) => l.tenant)).toHaveLength(3);
  });
});

describe('findUserForLogin', () => {
  it('finds a user case-insensitively and the demo password verifies', async () => {
    const login = logins.find((l) => l.role === 'mssp_admin');
    const user = await findUserForLogin(`  ${login?.email.toUpperCase()} `, onApp());
    expect(user).toMatchObject({ email: login?.email, kind: 'staff', active: true });
    expect(await verifyPassword(user?.passwordHash ?? '', login?.password ?? '')).toBe(true);
    expect(await verifyPassword(user?.passwordHash ?? '', 'wrong')).toBe(false);
  });

  it('returns null for an unknown email', async () => {
    expect(await findUserForLogin('nobody@palisade.test', onApp())).toBeNull();
  });
});

describe('resolveActor', () => {
  it('mssp_admin: every tenant', async () => {
    const actor = await resolveActor(userId('admin@palisade.test'), onApp());
    expect(actor).toMatchObject({ kind: 'staff', role: 'mssp_admin', active: true });
    expect(actor?.tenantIds.sort()).toEqual(DEMO_TENANTS.map((x) => x.id).sort());
  });

  it('analysts: their assigned tenants only', async () => {
    const alice = await resolveActor(userId('alice@palisade.test'), onApp());
    const bob = await resolveActor(userId('bob@palisade.test'), onApp());
    expect(alice).toMatchObject({ role: 'analyst', kind: 'staff' });
    expect(alice?.tenantIds.sort()).toEqual(DEMO_TENANTS.map((x) => x.id).sort());
    expect(bob?.tenantIds.sort()).toEqual([tenantId('acme-health'), tenantId('globex-logistics')].sort());
  });

  it('client admin: its one tenant', async () => {
    const carol = await resolveActor(userId('carol@acme-health.test'), onApp());
    expect(carol).toMatchObject({
      kind: 'client',
      role: 'client_admin',
      tenantIds: [tenantId('acme-health')],
    });
  });

  it('client viewer: its one tenant, with its role', async () => {
    const id = crypto.randomUUID();
    await t.db
      .insert(users)
      .values({ id, email: `viewer-${id}@fixture.test`, name: 'V', passwordHash: 'x', kind: 'client' });
    await t.db
      .insert(memberships)
      .values({ tenantId: tenantId('initech-finance'), userId: id, role: 'client_viewer' });
    expect(await resolveActor(id, onApp())).toMatchObject({
      kind: 'client',
      role: 'client_viewer',
      tenantIds: [tenantId('initech-finance')],
    });
  });

  it('a staff user with no assignment is an analyst with an empty scope', async () => {
    const id = crypto.randomUUID();
    await t.db
      .insert(users)
      .values({ id, email: `staff-${id}@fixture.test`, name: 'S', passwordHash: 'x', kind: 'staff' });
    expect(await resolveActor(id, onApp())).toMatchObject({ role: 'analyst', tenantIds: [] });
  });

  it('unknown or malformed ids resolve to null', async () => {
    expect(await resolveActor(crypto.randomUUID(), onApp())).toBeNull();
    expect(await resolveActor('not-a-uuid', onApp())).toBeNull();
  });

  it('deactivation shows at once; a suspended tenant drops out of non-admin scopes', async () => {
    const dan = userId('dan@globex.test');
    await t.db.update(users).set({ active: false }).where(eq(users.id, dan));
    expect((await resolveActor(dan, onApp()))?.active).toBe(false);
    await t.db.update(users).set({ active: true }).where(eq(users.id, dan));

    await t.db
      .update(tenants)
      .set({ status: 'suspended' })
      .where(eq(tenants.id, tenantId('globex-logistics')));
    expect(await resolveActor(dan, onApp())).toBeNull();
    expect((await resolveActor(userId('bob@palisade.test'), onApp()))?.tenantIds).toEqual([
      tenantId('acme-health'),
    ]);
    expect((await resolveActor(userId('admin@palisade.test'), onApp()))?.tenantIds).toHaveLength(3);
    await t.db
      .update(tenants)
      .set({ status: 'active' })
      .where(eq(tenants.id, tenantId('globex-logistics')));
    expect(await resolveActor(dan, onApp())).toMatchObject({ tenantIds: [tenantId('globex-logistics')] });
  });
});

describe('login throttle', () => {
  const fail = (email: string, ip: string) => recordLoginAttempt({ email, ip, success: false }, onApp());

  it('blocks an account after 5 failures within 15 minutes, with a retry time', async () => {
    const email = 'throttle-1@palisade.test';
    for (let i = 0; i < 4; i++) await fail(email, `10.0.0.${i}`);
    expect(await checkLoginThrottle({ email, ip: '10.0.1.1' }, onApp())).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    await fail(email, '10.0.0.9');
    const blocked = await checkLoginThrottle({ email: email.toUpperCase(), ip: '10.0.1.1' }, onApp());
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(880);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
    // another account from the same fresh IP is unaffected
    expect(
      (await checkLoginThrottle({ email: 'other@palisade.test', ip: '10.0.1.1' }, onApp())).allowed,
    ).toBe(true);
  });

  it('a success clears the account counter', async () => {
    const email = 'throttle-2@palisade.test';
    for (let i = 0; i < 5; i++) await fail(email, '10.0.2.1');
    expect((await checkLoginThrottle({ email, ip: '10.0.2.2' }, onApp())).allowed).toBe(false);
    await recordLoginAttempt({ email, ip: '10.0.2.2', success: true }, onApp());
    expect((await checkLoginThrottle({ email, ip: '10.0.2.2' }, onApp())).allowed).toBe(true);
  });

  it('blocks an IP after 20 failures across accounts', async () => {
    const ip = '192.0.2.7';
    for (let i = 0; i < 19; i++) await fail(`spray-${i}@palisade.test`, ip);
    expect((await checkLoginThrottle({ email: 'fresh@palisade.test', ip }, onApp())).allowed).toBe(true);
    await fail('spray-19@palisade.test', ip);
    const blocked = await checkLoginThrottle({ email: 'fresh@palisade.test', ip }, onApp());
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      (await checkLoginThrottle({ email: 'fresh@palisade.test', ip: '192.0.2.8' }, onApp())).allowed,
    ).toBe(true);
  });

  it('failures older than the window do not count; retry time follows the oldest failure in it', async () => {
    const email = 'throttle-3@palisade.test';
    const minutesAgo = (m: number) => sql`now() - make_interval(mins => ${m})`;
    for (const m of [20, 16])
      await t.db.insert(loginFailures).values({ email, ip: '10.0.3.1', at: minutesAgo(m) });
    for (const m of [10, 9, 8, 7])
      await t.db.insert(loginFailures).values({ email, ip: '10.0.3.1', at: minutesAgo(m) });
    expect((await checkLoginThrottle({ email, ip: '10.0.3.2' }, onApp())).allowed).toBe(true);
    await t.db.insert(loginFailures).values({ email, ip: '10.0.3.1', at: minutesAgo(6) });
    const blocked = await checkLoginThrottle({ email, ip: '10.0.3.2' }, onApp());
    // the oldest failure inside the window (10 min ago) leaves it in about 5 minutes
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(280);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(300);
  });
});
