import { describe, expect, it } from 'vitest';
import { threeWayMerge } from './three-way-merge';

const base = [
  'id: p',
  'name: P',
  'version: 1',
  'steps:',
  '  - id: a',
  '    uses: var.set',
  '  - id: b',
  '    uses: var.set',
].join('\n');

describe('threeWayMerge', () => {
  it('takes the template change and keeps the tenant change when they touch different lines', () => {
    const ours = base.replace('name: P', 'name: P (tenant)');
    const theirs = base.replace('  - id: b', '  - id: b2');
    const merged = threeWayMerge(base, ours, theirs);
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(ours.replace('  - id: b', '  - id: b2'));
    // Adjacent lines changed by each side have no common line between them: a conflict, as in git.
    expect(threeWayMerge(base, ours, base.replace('version: 1', 'version: 2')).conflicts).toBe(1);
  });

  it('takes lines added at the end by the template and at the start by the tenant', () => {
    const ours = `# tenant note\n${base}`;
    const theirs = `${base}\n  - id: c\n    uses: var.set`;
    const merged = threeWayMerge(base, ours, theirs);
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(`# tenant note\n${base}\n  - id: c\n    uses: var.set`);
  });

  it('the same change on both sides is taken once', () => {
    const both = base.replace('name: P', 'name: Q');
    expect(threeWayMerge(base, both, both)).toMatchObject({ conflicts: 0, text: both });
  });

  it('a line both changed differently is a conflict, marked so it cannot validate', () => {
    const ours = base.replace('name: P', 'name: Tenant');
    const theirs = base.replace('name: P', 'name: Template');
    const merged = threeWayMerge(base, ours, theirs);
    expect(merged.conflicts).toBe(1);
    expect(merged.chunks).toContainEqual({
      kind: 'conflict',
      base: ['name: P'],
      ours: ['name: Tenant'],
      theirs: ['name: Template'],
    });
    expect(merged.text).toContain(
      '<<<<<<< tenant\nname: Tenant\n||||||| template (old)\nname: P\n=======\nname: Template\n>>>>>>> template (new)',
    );
  });

  it('no tenant change: the result is the new template', () => {
    const theirs = base.replace('version: 1', 'version: 2');
    expect(threeWayMerge(base, base, theirs)).toMatchObject({ conflicts: 0, text: theirs });
  });
});
