import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('marks changed lines as a deletion and an addition, keeping the rest', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd').map((l) => `${l.op}:${l.text}`)).toEqual([
      'same:a',
      'del:b',
      'add:B',
      'same:c',
      'add:d',
    ]);
  });
  it('numbers lines on both sides', () => {
    expect(lineDiff('x\ny', 'y')).toEqual([
      { op: 'del', text: 'x', oldLine: 1 },
      { op: 'same', text: 'y', oldLine: 2, newLine: 1 },
    ]);
  });
  it('is all same for equal sources', () => {
    expect(lineDiff('p\nq', 'p\nq').every((l) => l.op === 'same')).toBe(true);
  });
});
