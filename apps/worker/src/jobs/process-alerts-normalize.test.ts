import { describe, expect, it } from 'vitest';
import { normalizeReceivedAlert } from './process-alerts-normalize';

const received = (
  raw: unknown,
  mapper: Parameters<typeof normalizeReceivedAlert>[0]['mapper'] = { kind: 'auto' },
) => ({
  id: '00000000-0000-4000-8000-000000000001',
  dataSourceId: '00000000-0000-4000-8000-000000000002',
  raw,
  receivedAt: new Date(),
  mapper,
});

describe('normalizeReceivedAlert', () => {
  it('maps standard fields and turns IOCs, hosts and users into artifacts with where they were found', async () => {
    const out = await normalizeReceivedAlert(
      received({
        id: 'a-1',
        title: 'Suspicious login',
        rule_name: 'Brute force',
        host: 'WEB-01',
        user: 'Bob',
        severity: 'high',
        src_ip: '203.0.113.7',
        message: 'login from 203.0.113.7 to evil.example.com',
      }),
    );
    if (!out.ok) throw new Error(out.error);
    expect(out.fields).toMatchObject({
      title: 'Suspicious login',
      severity: 'high',
      sourceAlertId: 'a-1',
      ruleName: 'Brute force',
    });
    const ip = out.fields.artifacts.find((a) => a.type === 'ipv4');
    expect(ip).toMatchObject({ value: '203.0.113.7', tags: ['documentation'] });
    expect(ip?.locations.map((l) => l.field)).toEqual(['src_ip', 'message']);
    expect(out.fields.artifacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'domain', value: 'evil.example.com' }),
        expect.objectContaining({ type: 'host', value: 'web-01' }),
        expect.objectContaining({ type: 'user', value: 'bob' }),
      ]),
    );
    expect(out.fields.normalized).not.toHaveProperty('raw');
  });

  it('uses a built-in mapper for text records', async () => {
    const out = await normalizeReceivedAlert(
      received('CEF:0|Palo Alto Networks|PAN-OS|10.2|threat|url filtering|8|src=10.1.2.3 dst=203.0.113.50', {
        kind: 'builtin',
        name: 'cef',
      }),
    );
    expect(out.ok && out.fields.mapper).toBe('cef');
  });

  it('reports an invalid tenant mapping and an empty alert as failures, not throws', async () => {
    const bad = await normalizeReceivedAlert(received({ a: 1 }, { kind: 'generic', mapping: { title: 42 } }));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^ALERT_MAPPING_INVALID/) });
    const empty = await normalizeReceivedAlert(received('   '));
    expect(empty).toMatchObject({ ok: false, error: expect.stringMatching(/^ALERT_EMPTY/) });
  });
});
