import { NextFetchEvent } from 'next/dist/server/web/spec-extension/fetch-event';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { env } from '@/env';
import type { ActorKind } from '@/server/auth/actor-kind';
import { sessionCookieName } from '@/server/auth/session-token';
import { proxy } from './proxy';

async function visit(path: string, kind?: ActorKind) {
  const headers = new Headers();
  if (kind) {
    const token = await encode({ token: { sub: crypto.randomUUID(), kind }, secret: env.NEXTAUTH_SECRET });
    headers.set('cookie', `${sessionCookieName}=${token}`);
  }
  const request = new NextRequest(`http://localhost:3000${path}`, { headers });
  return proxy(request, new NextFetchEvent({ request, page: path, context: undefined }));
}

const rewrittenTo = (res: Response) => res.headers.get('x-middleware-rewrite');

describe('proxy', () => {
  it('sends an anonymous visitor to sign-in, remembering the page', async () => {
    const res = await visit('/console/tenants');
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(
      'http://localhost:3000/sign-in?callbackUrl=%2Fconsole%2Ftenants',
    );
  });

  it.each([
    ['/console', 'staff'],
    ['/portal/sla', 'client'],
  ] as const)('lets %s through for %s users', async (path, kind) => {
    const res = await visit(path, kind);
    expect(res.status).toBe(200);
    expect(rewrittenTo(res)).toBeNull();
  });

  it.each([
    ['/console/tenants', 'client'],
    ['/portal', 'staff'],
  ] as const)('answers %s for %s users with the 403 page', async (path, kind) => {
    const res = await visit(path, kind);
    expect(res.status).toBe(403);
    expect(rewrittenTo(res)).toBe('http://localhost:3000/forbidden');
  });

  it.each([
    ['staff', '/console'],
    ['client', '/portal'],
  ] as const)('redirects / for %s users to %s', async (kind, home) => {
    expect((await visit('/', kind)).headers.get('location')).toBe(`http://localhost:3000${home}`);
  });

  it('puts a fresh nonce in the CSP of every page, and frame-ancestors none', async () => {
    const [a, b] = [await visit('/sign-in'), await visit('/sign-in')];
    const nonce = (res: Response) =>
      res.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(a.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('leaves API routes to their own authentication, under a deny-all CSP', async () => {
    const res = await visit('/api/trpc/tenant.list');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
