import { describe, expect, it } from 'vitest';
import { listEffects } from './list-effects';
import type { MatchableEntry } from './list-entry';

const e = (over: Partial<MatchableEntry>): MatchableEntry => ({
  id: crypto.randomUUID(),
  scope: 'tenant',
  source: 'test',
  list: 'allow',
  matchKind: 'value',
  value: 'v',
  artifactType: null,
  criticality: null,
  reason: '',
  owner: '',
  expiresAt: null,
  ...over,
});

describe('listEffects', () => {
  it('allow: benign and no notification', () => {
    expect(
      listEffects([e({ list: 'allow', value: 'scanner.mssp', scope: 'mssp', reason: 'our scanner' })]),
    ).toEqual({
      verdictOverride: 'benign',
      suppressNotifications: true,
      priorityDelta: 0,
      reasons: ['benign, no notification: MSSP allow list entry "scanner.mssp" (our scanner)'],
    });
  });

  it('block beats allow, and says so', () => {
    const effect = listEffects([e({ list: 'allow' }), e({ list: 'block' })]);
    expect(effect).toMatchObject({ verdictOverride: 'malicious', suppressNotifications: false });
    expect(effect.reasons[1]).toMatch(/^conflict/);
  });

  it('critical asset and VIP raise priority; a low-value asset lowers it', () => {
    expect(
      listEffects([e({ list: 'asset', criticality: 'critical' }), e({ list: 'vip' })]).priorityDelta,
    ).toBe(3);
    expect(listEffects([e({ list: 'asset', criticality: 'low' })])).toMatchObject({
      priorityDelta: -1,
      verdictOverride: null,
    });
    expect(listEffects([])).toEqual({
      verdictOverride: null,
      suppressNotifications: false,
      priorityDelta: 0,
      reasons: [],
    });
  });
});
