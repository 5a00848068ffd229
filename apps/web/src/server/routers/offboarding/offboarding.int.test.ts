import { tenantRowCounts } from '@palisade/db/queries/offboarding/tenant-row-counts';
import { createInvitation } from '@palisade/db/queries/users/create-invitation';
import { listEntries, memberships, tenantContacts, tenants, users } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/tenants/[tenantId]/export/route';
import { env } from '@/env';
import { sessionCookieName } from '@/server/auth/session-token';
import { seedIncidentFixtures } from '@/test/incident-fixtures';
import { callerFor, type Fixtures, seedFixtures, type TestUser } from '@/test/trpc-fixtures';

// Offboarding: the export holds every row the tenant owns (per catalog table) and nothing of another
// tenant; a deletion leaves no row of the tenant in any table and touches no other tenant.

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

/** Settings rows beyond the incident fixtures: a contact, a list entry, an open invitation. */
async function seedSettings(tenantId: string, label: string) {
  await t.db.insert(tenantContacts).values({
    tenantId,
    kind: 'primary',
    name: `${label} SOC`,
    email: `soc-${label}@fixture.test`,
  });
  await t.db
    .insert(listEntries)
    .values({ tenantId, list: 'block', matchKind: 'value', value: `${label}.example` });
  await withTenant(tenantId, (tx) =>
    createInvitation(tx, {
      tenantId,
      email: `new-${label}@fixture.test`,
      role: 'client_viewer',
      actorUserId: null,
    }),
  );
}

/** Rows per tenant table for one tenant, on the owner connection (what really is in the database). */
const rowCounts = (tenantId: string) => tenantRowCounts(t.db, tenantId);

async function download(user: TestUser, tenantId: string): Promise<Response> {
  const token = await encode({ token: { sub: user.id, kind: user.kind }, secret: env.NEXTAUTH_SECRET });
  const req = new Request(`http://localhost/api/tenants/${tenantId}/export`, {
    headers: { cookie: `${sessionCookieName}=${token}`, 'x-forwarded-for': '203.0.113.50' },
  });
  return exportRoute(req, { params: Promise.resolve({ tenantId }) });
}

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  await seedIncidentFixtures(t.db, fx);
  await seedSettings(fx.a.id, 'a');
  await seedSettings(fx.b.id, 'b');
});

describe('tenant export', () => {
  it('contains every row of the tenant, table by table, and nothing of another tenant', async () => {
    const expected = await rowCounts(fx.a.id);
    const res = await download(fx.admin, fx.a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array));
    expect(manifest.tables).toEqual(expected);
    // The fixtures really reach many tables (positive control for the comparison above).
    expect(Object.values(expected).filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    for (const [table, count] of Object.entries(expected)) {
      const text = strFromU8(files[`tables/${table}.ndjson`] as Uint8Array);
      const rows = text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      expect(rows, table).toHaveLength(count);
      expect(
        rows.every((r) => r.tenant_id === fx.a.id),
        table,
      ).toBe(true);
    }
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const other of [fx.b, fx.c]) {
      expect(everything).not.toContain(other.id);
      expect(everything).not.toContain(other.clientUser.email);
    }
    const people = strFromU8(files['users.ndjson'] as Uint8Array);
    expect(people).toContain(fx.a.clientUser.email);
    expect(people).not.toContain('password');
  });

  it('is for MSSP admins only', async () => {
    expect((await download(fx.analyst, fx.a.id)).status).toBe(403);
    expect((await download(fx.clientA, fx.a.id)).status).toBe(403);
    expect((await download(fx.admin, crypto.randomUUID())).status).toBe(404);
  });
});

describe('tenant deletion', () => {
  it('refuses an active tenant and a wrong slug, deleting nothing', async () => {
    const admin = await callerFor(fx.admin);
    await expect(
      admin.offboarding.delete({ tenantId: fx.b.id, confirmSlug: fx.b.slug }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('suspend'),
    });
    await admin.offboarding.setStatus({ tenantId: fx.b.id, status: 'suspended' });
    await expect(
      admin.offboarding.delete({ tenantId: fx.b.id, confirmSlug: 'not-the-slug' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(fx.b.slug),
    });
    await admin.offboarding.setStatus({ tenantId: fx.b.id, status: 'active' });
    expect((await rowCounts(fx.b.id)).incidents).toBeGreaterThan(0);
  });

  it('removes every row of the tenant in every table, and nothing of the others', async () => {
    const admin = await callerFor(fx.admin);
    const before = await rowCounts(fx.a.id);
    const othersBefore = { b: await rowCounts(fx.b.id), c: await rowCounts(fx.c.id) };
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);

    await admin.offboarding.setStatus({ tenantId: fx.a.id, status: 'suspended' });
    const { deleted } = await admin.offboarding.delete({ tenantId: fx.a.id, confirmSlug: fx.a.slug });
    expect(deleted.incidents).toBe(before.incidents);

    const after = await rowCounts(fx.a.id);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await t.db.select().from(tenants).where(eq(tenants.id, fx.a.id))).toEqual([]);
    // A's client users are gone; the analyst (staff) stays, with its other tenant.
    expect(await t.db.select().from(users).where(eq(users.id, fx.clientA.id))).toEqual([]);
    expect(
      (await t.db.select().from(memberships).where(eq(memberships.userId, fx.analyst.id))).map(
        (m) => m.tenantId,
      ),
    ).toEqual([fx.c.id]);
    expect({ b: await rowCounts(fx.b.id), c: await rowCounts(fx.c.id) }).toEqual(othersBefore);
  });
});
