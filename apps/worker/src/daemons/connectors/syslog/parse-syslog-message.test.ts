import { describe, expect, it } from 'vitest';
import { parseSyslogMessage } from './parse-syslog-message';

const at = new Date('2026-11-23T12:00:00Z');

describe('parseSyslogMessage', () => {
  it.each([
    [
      '<34>1 2026-11-23T10:00:00Z fw01 sshd 42 ID47 [ex@1 k="v"] Failed password',
      'rfc5424',
      'Failed password',
    ],
    ['<13>Nov 23 10:00:01 web01 nginx[7]: GET /admin', 'rfc3164', 'GET /admin'],
    [
      '<14>Nov 23 10:00:01 fw CEF:0|Vendor|Prod|1|100|Blocked|7|src=10.0.0.1',
      'cef',
      'CEF:0|Vendor|Prod|1|100|Blocked|7|src=10.0.0.1',
    ],
    [
      'LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.0.1^dst=10.0.0.2',
      'leef',
      'LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.0.1^dst=10.0.0.2',
    ],
    ['just some text', 'text', 'just some text'],
  ])('%s → %s', (line, format, body) => {
    const e = parseSyslogMessage(line, '192.0.2.1', at);
    expect(e).toMatchObject({ format, body, message: line, sourceAddress: '192.0.2.1' });
  });

  it('exposes header, CEF and LEEF fields for filters and mappings', () => {
    const cef = parseSyslogMessage(
      '<14>Nov 23 10:00:01 fw CEF:0|Vendor|Prod|1|100|Blocked|7|src=10.0.0.1',
      'x',
      at,
    );
    expect(cef.syslog).toMatchObject({ hostname: 'fw', severity: 6, facility: 1 });
    expect(cef.cef).toMatchObject({ name: 'Blocked', severity: '7', extension: { src: '10.0.0.1' } });
    const leef = parseSyslogMessage(
      'LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.0.1^dst=10.0.0.2',
      'x',
      at,
    );
    expect(leef.leef?.attributes).toEqual({ src: '10.0.0.1', dst: '10.0.0.2' });
    const s5424 = parseSyslogMessage('<34>1 2026-11-23T10:00:00Z fw01 sshd 42 ID47 [ex@1 k="v"] m', 'x', at);
    expect(s5424.syslog?.structuredData).toEqual({ 'ex@1': { k: 'v' } });
  });
});
