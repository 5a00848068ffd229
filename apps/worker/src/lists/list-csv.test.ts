import { describe, expect, it } from 'vitest';
import { listEntriesToCsv, MAX_CSV_ROWS, parseListCsv } from './list-csv';

describe('parseListCsv', () => {
  it('imports the good rows and reports each bad row with its line', () => {
    const csv = [
      'list,match_kind,value,artifact_type,criticality,reason,owner,expires_at',
      'allow,cidr,10.0.0.0/8,,,internal,netops,',
      'block,cidr,10.0.0.0/33,,,typo,,',
      'asset,value,dc01.corp.example,domain,critical,domain controller,it,',
      'asset,value,fs01.corp.example,domain,,no criticality,it,',
      'vip,value,ceo@corp.example,email,,,hr,2027-01-01T00:00:00Z',
      'bogus,value,x,,,,,',
      'allow,cidr,10.0.0.0/8,,,dup,,',
      'block,value,evil.example,domain,,,,not-a-date',
      'allow,value,ok.example,domain,high,,,',
    ].join('\n');
    const preview = parseListCsv(csv);
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.entry.list, r.entry.value])).toEqual([
      [2, 'allow', '10.0.0.0/8'],
      [4, 'asset', 'dc01.corp.example'],
      [6, 'vip', 'ceo@corp.example'],
    ]);
    expect(preview.rows[2]?.entry.expiresAt?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(preview.errors.map((e) => e.line)).toEqual([3, 5, 7, 8, 9, 10]);
    expect(preview.errors.find((e) => e.line === 3)?.message).toMatch(/not a CIDR/);
    expect(preview.errors.find((e) => e.line === 5)?.message).toMatch(/needs a criticality/);
    expect(preview.errors.find((e) => e.line === 7)?.message).toMatch(/^list:/);
    expect(preview.errors.find((e) => e.line === 8)?.message).toBe('duplicate of line 2');
    expect(preview.errors.find((e) => e.line === 9)?.message).toMatch(/expiresAt/);
    expect(preview.errors.find((e) => e.line === 10)?.message).toMatch(/assets only/);
  });

  it('handles quotes, a BOM, CRLF and a default list', () => {
    const csv = '\uFEFFvalue,reason\r\n"*.corp.example","our ""own"" domains, all"\r\n';
    const preview = parseListCsv(csv, { defaultList: 'allow' });
    expect(preview.errors).toEqual([]);
    expect(preview.rows[0]?.entry).toMatchObject({
      list: 'allow',
      value: '*.corp.example',
      reason: 'our "own" domains, all',
    });
  });

  it('refuses the whole file on unknown or missing columns, or too many rows', () => {
    expect(parseListCsv('value,colour\nx,red').fileErrors[0]).toMatch(/unknown columns: colour/);
    expect(parseListCsv('reason\nx').fileErrors[0]).toMatch(/missing columns: list, value/);
    expect(parseListCsv('').fileErrors).toEqual(['the file is empty']);
    const big = `list,value\n${Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `block,h${i}.example`).join('\n')}`;
    expect(parseListCsv(big).fileErrors[0]).toMatch(/too many rows/);
  });

  it('an export re-imports to the same entries, formula-looking values included', () => {
    const entries = [
      {
        list: 'block' as const,
        matchKind: 'value' as const,
        value: '=cmd|calc',
        artifactType: null,
        criticality: null,
        reason: 'a, "quoted" reason',
        owner: 'soc',
        expiresAt: new Date('2027-02-03T04:05:06.000Z'),
      },
      {
        list: 'asset' as const,
        matchKind: 'cidr' as const,
        value: '2001:db8::/48',
        artifactType: 'ipv6' as const,
        criticality: 'high' as const,
        reason: '',
        owner: '',
        expiresAt: null,
      },
    ];
    const csv = listEntriesToCsv(entries);
    expect(csv).toContain("'=cmd|calc");
    const back = parseListCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => r.entry)).toEqual(entries);
  });
});
