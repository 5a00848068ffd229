import { describe, expect, it } from 'vitest';
import { ATTACK_NOTICE, groupByTactic, mapAttackTechniques } from './map-attack-techniques';

const alert = (over: Partial<Parameters<typeof mapAttackTechniques>[0]['alert']> = {}) => ({
  rule: { name: 'Suspicious PowerShell EncodedCommand' },
  source: { vendor: 'Microsoft', product: 'Defender for Endpoint' },
  mitreTechniques: [],
  ...over,
});

describe('mapAttackTechniques', () => {
  it('merges alert tags, extracted ids and tenant rules, with names and tactics from ATT&CK', () => {
    const mapped = mapAttackTechniques({
      alert: alert({ mitreTechniques: [{ id: 't1059.001' }] }),
      extractedIds: ['T1059.001', 'T1566'],
      rules: [
        { id: 'r1', field: 'rule_name', pattern: '*powershell*', techniqueId: 'T1027' },
        { id: 'r2', field: 'source', pattern: 'microsoft defender*', techniqueId: 'T1078' },
        { id: 'r3', field: 'rule_name', pattern: 'brute force*', techniqueId: 'T1110' },
      ],
    });
    expect(mapped.map((t) => [t.id, t.via])).toEqual([
      ['T1027', ['rule:r1']],
      ['T1059.001', ['alert', 'extracted']],
      ['T1078', ['rule:r2']],
      ['T1566', ['extracted']],
    ]);
    expect(mapped.find((t) => t.id === 'T1059.001')).toMatchObject({
      name: 'PowerShell',
      tactics: ['execution'],
    });
  });

  it('drops ids ATT&CK does not know', () => {
    expect(mapAttackTechniques({ alert: alert(), extractedIds: ['T9999', 'nonsense'], rules: [] })).toEqual(
      [],
    );
  });

  it('groups by tactic; a technique under two tactics appears in both', () => {
    const mapped = mapAttackTechniques({ alert: alert(), extractedIds: ['T1078', 'T1566'], rules: [] });
    const groups = groupByTactic(mapped);
    expect(groups.get('initial-access')?.map((t) => t.id)).toEqual(['T1078', 'T1566']);
    expect(groups.get('persistence')?.map((t) => t.id)).toEqual(['T1078']);
  });

  it("keeps MITRE's notice available for display", () => {
    expect(ATTACK_NOTICE).toMatch(/The MITRE Corporation/);
  });
});
