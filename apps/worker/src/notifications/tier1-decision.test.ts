import { expect, it } from 'vitest';
import { tier1Decision } from './tier1-decision';

const rule = { enabled: true, severities: ['critical', 'high'], artifactTypes: ['sha256'] };

it.each([
  [
    { severity: 'high', artifactTypes: [] },
    { notify: true, because: 'severity' },
  ],
  [
    { severity: 'low', artifactTypes: ['ipv4', 'sha256'] },
    { notify: true, because: 'artifact_type' },
  ],
  [
    { severity: 'medium', artifactTypes: ['ipv4'] },
    { notify: false, reason: 'rule_not_matched' },
  ],
])('decides %j', (incident, want) => {
  expect(tier1Decision(rule, incident)).toEqual(want);
});

it('a disabled rule never notifies', () => {
  expect(
    tier1Decision({ ...rule, enabled: false }, { severity: 'critical', artifactTypes: ['sha256'] }),
  ).toEqual({
    notify: false,
    reason: 'rule_disabled',
  });
});
