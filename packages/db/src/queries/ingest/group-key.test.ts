import { describe, expect, it } from 'vitest';
import { groupKeyOf } from './group-key';

const alert = {
  ruleId: null,
  ruleName: 'Brute force',
  title: 'SSH brute force',
  hosts: ['WEB-01', 'web-02'],
  users: ['bob'],
  dataSourceId: 'ds-1',
};

describe('groupKeyOf', () => {
  it('keys the default rule on rule and first host (case-insensitive host)', () => {
    const rule = { fields: ['rule', 'host'] as const, windowMinutes: 60 };
    expect(groupKeyOf({ ...rule, fields: [...rule.fields] }, alert)).toBe('host=web-01|rule=Brute force');
    expect(groupKeyOf({ ...rule, fields: ['host', 'rule'] }, { ...alert, hosts: ['web-01'] })).toBe(
      'host=web-01|rule=Brute force',
    );
  });

  it('prefers the rule id, then the name, then the title', () => {
    const rule = { fields: ['rule' as const], windowMinutes: 60 };
    expect(groupKeyOf(rule, { ...alert, ruleId: '5763' })).toBe('rule=5763');
    expect(groupKeyOf(rule, { ...alert, ruleName: null })).toBe('rule=SSH brute force');
  });

  it('never groups when the rule has no fields', () => {
    expect(groupKeyOf({ fields: [], windowMinutes: 60 }, alert)).toBeNull();
  });
});
