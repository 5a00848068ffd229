import { describe, expect, it } from 'vitest';
import { signReportLink, verifyReportLink } from './report-link';

const key = Buffer.alloc(32, 7);
const link = {
  tenantId: '0b9c7a1e-6a3e-4f57-9d0e-3f1b2c4d5e6f',
  reportId: '5f0e8d7c-2b1a-4c3d-8e9f-a0b1c2d3e4f5',
  expiresAt: new Date('2026-12-01T00:00:00Z'),
};

describe('report links', () => {
  it('verifies a link it signed until it expires', () => {
    const token = signReportLink(key, link);
    expect(verifyReportLink(key, token, new Date('2026-11-30T23:59:59Z'))).toEqual({ ok: true, link });
    expect(verifyReportLink(key, token, new Date('2026-12-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a changed report, tenant, expiry or key', () => {
    const token = signReportLink(key, link);
    const [t, r, e, s] = token.split('.');
    const now = new Date('2026-11-01T00:00:00Z');
    const otherReport = '6f0e8d7c-2b1a-4c3d-8e9f-a0b1c2d3e4f5';
    expect(verifyReportLink(key, [t, otherReport, e, s].join('.'), now)).toMatchObject({
      reason: 'bad_signature',
    });
    expect(verifyReportLink(key, [r, t, e, s].join('.'), now)).toMatchObject({ reason: 'bad_signature' });
    expect(verifyReportLink(key, [t, r, String(Number(e) + 3600), s].join('.'), now)).toMatchObject({
      reason: 'bad_signature',
    });
    expect(verifyReportLink(Buffer.alloc(32, 8), token, now)).toMatchObject({ reason: 'bad_signature' });
    expect(verifyReportLink(key, 'not-a-token', now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
