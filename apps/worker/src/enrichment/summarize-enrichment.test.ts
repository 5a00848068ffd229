import { describe, expect, it } from 'vitest';
import { listEffects } from '../lists/list-effects';
import type { MatchableEntry } from '../lists/list-entry';
import { summarizeEnrichment } from './summarize-enrichment';

const allow: MatchableEntry = {
  id: 'e1',
  scope: 'tenant',
  source: 'console',
  list: 'allow',
  matchKind: 'value',
  value: '8.8.8.8',
  artifactType: null,
  criticality: null,
  reason: 'dns',
  owner: '',
  expiresAt: null,
};
const critical: MatchableEntry = {
  ...allow,
  id: 'e2',
  list: 'asset',
  value: 'dc01',
  criticality: 'critical',
  reason: '',
};

describe('summarizeEnrichment', () => {
  it('applies list overrides, counts verdicts and explains priority', () => {
    const summary = summarizeEnrichment([
      {
        enrichment: {
          artifact: { type: 'ipv4', value: '8.8.8.8' },
          outcomes: [
            {
              provider: 'virustotal',
              cached: false,
              result: { status: 'ok', verdict: 'suspicious', score: 30, evidence: [], link: null },
            },
          ],
          verdict: 'suspicious',
          score: 30,
        },
        lists: listEffects([allow]),
      },
      {
        enrichment: {
          artifact: { type: 'domain', value: 'dc01' },
          outcomes: [
            {
              provider: 'otx',
              cached: true,
              result: { status: 'ok', verdict: 'malicious', score: 80, evidence: [], link: null },
            },
          ],
          verdict: 'malicious',
          score: 80,
        },
        lists: listEffects([critical]),
      },
    ]);
    expect(summary.artifacts.map((a) => [a.value, a.verdict, a.suppressNotifications])).toEqual([
      ['8.8.8.8', 'benign', true],
      ['dc01', 'malicious', false],
    ]);
    expect(summary.counts).toEqual({ malicious: 1, suspicious: 0, benign: 1, unknown: 0 });
    expect(summary.worst).toBe('malicious');
    expect(summary.priorityDelta).toBe(2);
    expect(summary.reasons).toEqual(['priority raised: critical asset, asset list entry "dc01"']);
    expect(summary.artifacts[1]?.reasons).toContain('malicious: otx (score 80)');
  });
});
