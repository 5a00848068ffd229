import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPING_RULE } from './group-key';
import { type PreviewAlert, previewGrouping } from './preview-grouping';

const SOURCE_A = '00000000-0000-4000-8000-00000000000a';
const SOURCE_B = '00000000-0000-4000-8000-00000000000b';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
let n = 0;
const alert = (minute: number, rule: string, host: string, dataSourceId = SOURCE_A): PreviewAlert => ({
  id: `a${++n}`,
  receivedAt: at(minute),
  title: `${rule} on ${host}`,
  ruleId: rule,
  ruleName: rule,
  hosts: [host],
  users: [],
  dataSourceId,
});

describe('previewGrouping', () => {
  it('groups same rule + same host within the window, and starts over after it', () => {
    const alerts = [
      alert(0, 'r1', 'h1'),
      alert(30, 'r1', 'h1'),
      alert(45, 'r1', 'h2'),
      alert(95, 'r1', 'h1'),
    ];
    const groups = previewGrouping({ tenant: DEFAULT_GROUPING_RULE, sources: {} }, alerts);
    expect(groups.map((g) => g.alerts.map((a) => a.title))).toEqual([
      ['r1 on h1', 'r1 on h1'],
      ['r1 on h1'],
      ['r1 on h2'],
    ]);
  });

  it('a data source override applies to its alerts only and never merges with tenant-wide keys', () => {
    const alerts = [
      alert(0, 'r1', 'h1'),
      alert(1, 'r2', 'h1'),
      alert(2, 'r1', 'h1', SOURCE_B),
      alert(3, 'r9', 'h1', SOURCE_B),
    ];
    const groups = previewGrouping(
      { tenant: DEFAULT_GROUPING_RULE, sources: { [SOURCE_B]: { fields: ['host'], windowMinutes: 10 } } },
      alerts,
    );
    expect(groups.map((g) => g.alerts.map((a) => a.title))).toEqual([
      ['r1 on h1', 'r9 on h1'],
      ['r2 on h1'],
      ['r1 on h1'],
    ]);
    expect(groups[0]?.key).toBe(`src=${SOURCE_B}|host=h1`);
  });

  it('no fields: every alert is its own incident', () => {
    const groups = previewGrouping({ tenant: { fields: [], windowMinutes: 60 }, sources: {} }, [
      alert(0, 'r1', 'h1'),
      alert(1, 'r1', 'h1'),
    ]);
    expect(groups.map((g) => g.alerts.length)).toEqual([1, 1]);
  });
});
