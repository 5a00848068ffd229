import { describe, expect, it } from 'vitest';
import { parseCef } from './cef';
import { parseLeef } from './leef';
import { parseSyslog3164, parseSyslog5424 } from './syslog';

describe('parseCef', () => {
  it('unescapes pipes in the header and equals signs in values, and keeps spaces in values', () => {
    const r = parseCef(
      'CEF:0|Acme\\|Corp|IDS|1.0|100|Port scan \\| sweep|5|src=10.0.0.1 msg=a = b\\=c  with spaces cs1Label=Rule cs1=R1',
    );
    expect(r).toMatchObject({
      vendor: 'Acme|Corp',
      name: 'Port scan | sweep',
      severity: '5',
      extension: { src: '10.0.0.1', msg: 'a = b=c  with spaces', cs1Label: 'Rule', cs1: 'R1' },
    });
  });
  it('reads an empty extension and rejects a short header', () => {
    expect(parseCef('CEF:0|V|P|1|id|name|3|')?.extension).toEqual({});
    expect(parseCef('CEF:0|V|P|1|id')).toBeNull();
    expect(parseCef('no cef here')).toBeNull();
  });
  it('turns escaped newlines into newlines', () => {
    expect(parseCef('CEF:0|V|P|1|id|n|3|msg=line1\\nline2')?.extension.msg).toBe('line1\nline2');
  });
});

describe('parseLeef', () => {
  it('reads LEEF 1.0 with tab-separated attributes', () => {
    expect(parseLeef('LEEF:1.0|IBM|QRadar|7.5|4001|src=1.2.3.4\tdst=5.6.7.8\tusrName=bob')).toMatchObject({
      vendor: 'IBM',
      eventId: '4001',
      attributes: { src: '1.2.3.4', dst: '5.6.7.8', usrName: 'bob' },
    });
  });
  it('reads LEEF 2.0 with a hex delimiter', () => {
    expect(parseLeef('LEEF:2.0|V|P|1|E1|x7C|src=1.2.3.4|sev=9')?.attributes).toEqual({
      src: '1.2.3.4',
      sev: '9',
    });
  });
});

describe('parseSyslog5424', () => {
  it('reads header, structured data with escapes, and a BOM message', () => {
    const r = parseSyslog5424(
      '<165>1 2026-11-23T10:00:00.000Z host app 42 ID47 [ex@1 a="x\\"y" b="c\\]d"][two k="v"] \uFEFFhello',
    );
    expect(r).toMatchObject({
      facility: 20,
      severity: 5,
      timestamp: '2026-11-23T10:00:00.000Z',
      hostname: 'host',
      appName: 'app',
      procId: '42',
      msgId: 'ID47',
      structuredData: { 'ex@1': { a: 'x"y', b: 'c]d' }, two: { k: 'v' } },
      message: 'hello',
    });
  });
  it('treats - as absent and rejects other versions', () => {
    expect(parseSyslog5424('<14>1 - - - - - -')).toMatchObject({
      timestamp: null,
      hostname: null,
      message: '',
    });
    expect(parseSyslog5424('<14>2 - - - - - -')).toBeNull();
    expect(parseSyslog5424('<999>1 - - - - - -')).toBeNull();
  });
});

describe('parseSyslog3164', () => {
  const ref = new Date('2026-03-01T00:00:00Z');
  it('reads the header and tag', () => {
    expect(parseSyslog3164('<34>Oct 11 22:14:15 mymachine su[230]: su root failed', ref)).toMatchObject({
      facility: 4,
      severity: 2,
      timestamp: '2025-10-11T22:14:15.000Z',
      hostname: 'mymachine',
      appName: 'su',
      procId: '230',
      message: 'su root failed',
    });
  });
  it('rejects a line without the BSD timestamp', () => {
    expect(parseSyslog3164('<34>2026-10-11 host x', ref)).toBeNull();
  });
});
