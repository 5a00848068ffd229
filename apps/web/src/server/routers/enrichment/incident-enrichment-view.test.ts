import { describe, expect, it } from 'vitest';
import { incidentEnrichmentView } from './incident-enrichment-view';

const outcome = (provider: string, verdict: string, score: number) => ({
  provider,
  cached: false,
  result: { status: 'ok', verdict, score, evidence: [{ label: 'reports', value: 3 }], link: null },
});

describe('incidentEnrichmentView', () => {
  it('groups techniques by tactic in ATT&CK tactic order and lists the worst artifacts first', () => {
    const view = incidentEnrichmentView({
      tenantId: crypto.randomUUID(),
      incidentId: crypto.randomUUID(),
      priorityDelta: 1,
      enrichedAt: new Date(),
      summary: {
        artifacts: [],
        counts: { malicious: 1, suspicious: 0, benign: 1, unknown: 0 },
        worst: 'malicious',
        priorityDelta: 1,
        reasons: ['priority +1: asset list entry "db-01" (critical)'],
      },
      techniques: [
        { id: 'T1059.001', name: 'PowerShell', tactics: ['execution'], via: ['extracted'] },
        { id: 'T1078', name: 'Valid Accounts', tactics: ['persistence', 'initial-access'], via: ['alert'] },
      ],
      artifacts: [
        {
          artifactId: 'a1',
          type: 'domain',
          value: 'ok.example',
          verdict: 'benign',
          score: 0,
          outcomes: [outcome('otx', 'benign', 0)],
          lists: { reasons: [] },
          enrichedAt: new Date(),
        },
        {
          artifactId: 'a2',
          type: 'ipv4',
          value: '203.0.113.9',
          verdict: 'malicious',
          score: 90,
          outcomes: [outcome('abuseipdb', 'malicious', 90)],
          lists: { reasons: [] },
          enrichedAt: new Date(),
        },
      ],
    });
    expect(view.tactics.map((t) => [t.name, t.techniques.map((x) => x.id)])).toEqual([
      ['Initial Access', ['T1078']],
      ['Execution', ['T1059.001']],
      ['Persistence', ['T1078']],
    ]);
    expect(view.artifacts.map((a) => a.value)).toEqual(['203.0.113.9', 'ok.example']);
    expect(view.summary.worst).toBe('malicious');
  });
});
