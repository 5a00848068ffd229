import { updateTenantBranding } from '@palisade/db/queries/branding/update-branding';
import { signReportLink } from '@palisade/db/queries/reports/report-link';
import { useTestDatabase } from '@palisade/db/testing';
import { withTenant } from '@palisade/db/with-tenant';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as brandingLogo } from '@/app/api/branding/v1/tenants/[tenantId]/logo/route';
import { GET as linkDownload } from '@/app/api/reports/v1/links/[token]/route';
import { GET as download } from '@/app/api/reports/v1/tenants/[tenantId]/reports/[reportId]/pdf/route';
import { env } from '@/env';
import { sessionCookieName } from '@/server/auth/session-token';
import { atRestKey } from '@/server/ingest/at-rest-key';
import { FIXTURE_PDF, type ReportFixtures, seedReportFixtures } from '@/test/report-fixtures';
import { type Fixtures, seedFixtures, type TestUser } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let rx: ReportFixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  rx = await seedReportFixtures(fx, t.database);
});

async function as(user: TestUser | null): Promise<Request['headers']> {
  const headers = new Headers();
  if (user) {
    const token = await encode({ token: { sub: user.id, kind: user.kind }, secret: env.NEXTAUTH_SECRET });
    headers.set('cookie', `${sessionCookieName}=${token}`);
  }
  return headers;
}

const get = async (user: TestUser | null, tenantId: string, reportId: string) =>
  download(new Request('http://localhost/x', { headers: await as(user) }), {
    params: Promise.resolve({ tenantId, reportId }),
  });
const viaLink = (token: string) =>
  linkDownload(new Request('http://localhost/x'), { params: Promise.resolve({ token }) });

describe('report download route', () => {
  it('serves a ready report to a client of its tenant, as a PDF attachment', async () => {
    const res = await get(fx.clientA, fx.a.id, rx.a.ready);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report-inc-\d{6}-v1\.pdf"$/,
    );
    expect(Buffer.from(await res.arrayBuffer())).toEqual(FIXTURE_PDF);
  });

  it("refuses another tenant's report: by its own tenant id or smuggled under the client's", async () => {
    expect((await get(fx.clientA, fx.b.id, rx.b.ready)).status).toBe(404);
    expect((await get(fx.clientA, fx.a.id, rx.b.ready)).status).toBe(404);
    // The analyst is assigned to A and C, not B.
    expect((await get(fx.analyst, fx.b.id, rx.b.ready)).status).toBe(404);
    expect((await get(fx.analyst, fx.c.id, rx.c.ready)).status).toBe(200);
    expect((await get(fx.admin, fx.b.id, rx.b.ready)).status).toBe(200);
  });

  it('needs a session, and a finished report', async () => {
    expect((await get(null, fx.a.id, rx.a.ready)).status).toBe(401);
    expect((await get(fx.inactiveClientA, fx.a.id, rx.a.ready)).status).toBe(401);
    const queued = await get(fx.analyst, fx.a.id, rx.a.queued);
    expect(queued.status).toBe(409);
    expect(await queued.json()).toMatchObject({ error: { code: 'REPORT_NOT_READY' } });
  });
});

describe('signed report links', () => {
  const link = (tenantId: string, reportId: string, expiresAt: Date) =>
    signReportLink(atRestKey(), { tenantId, reportId, expiresAt });

  it('download without a session until the link expires', async () => {
    const res = await viaLink(link(fx.b.id, rx.b.ready, new Date(Date.now() + 3600_000)));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(FIXTURE_PDF);
  });

  it('refuses an expired link with 410 and a pointer to the portal', async () => {
    const res = await viaLink(link(fx.a.id, rx.a.ready, new Date(Date.now() - 1000)));
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({
      error: { code: 'LINK_EXPIRED', message: expect.stringMatching(/portal/) },
    });
  });

  it("refuses a link edited to point at another tenant's report", async () => {
    const [, , expiry, signature] = link(fx.a.id, rx.a.ready, new Date(Date.now() + 3600_000)).split('.');
    expect((await viaLink([fx.b.id, rx.b.ready, expiry, signature].join('.'))).status).toBe(404);
    // A correctly signed link naming B's report under A's tenant finds nothing (RLS).
    expect((await viaLink(link(fx.a.id, rx.b.ready, new Date(Date.now() + 3600_000)))).status).toBe(404);
  });
});

describe('logo route', () => {
  it('serves only tenants of the scope', async () => {
    const logo = (user: TestUser, tenantId: string) =>
      as(user).then((headers) =>
        brandingLogo(new Request('http://localhost/x', { headers }), {
          params: Promise.resolve({ tenantId }),
        }),
      );
    expect((await logo(fx.clientA, fx.a.id)).status).toBe(404); // no logo yet
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
    );
    for (const tenantId of [fx.a.id, fx.b.id]) {
      await withTenant(tenantId, (tx) =>
        updateTenantBranding(tx, {
          tenantId,
          fields: {
            companyName: 'Logo Co',
            primaryColor: '#000000',
            accentColor: '#ffffff',
            legalFooter: '',
          },
          logo: { bytes: svg, mime: 'image/svg+xml' },
          actorUserId: null,
        }),
      );
    }
    const own = await logo(fx.clientA, fx.a.id);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/svg+xml');
    // Opened directly, the SVG is a sandboxed document that may run nothing.
    expect(own.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(svg);
    expect((await logo(fx.clientA, fx.b.id)).status).toBe(404);
  });
});
