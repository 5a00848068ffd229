import { describe, expect, it } from 'vitest';
import { dagColumns, dagLevels } from './dag-levels';

describe('dagLevels', () => {
  it('puts each step one column past its deepest need', () => {
    const steps = [
      { id: 'a', needs: [] },
      { id: 'b', needs: ['a'] },
      { id: 'c', needs: [] },
      { id: 'd', needs: ['b', 'c'] },
    ];
    expect(Object.fromEntries(dagLevels(steps))).toEqual({ a: 0, b: 1, c: 0, d: 2 });
    expect(dagColumns(steps).map((col) => col.map((s) => s.id))).toEqual([['a', 'c'], ['b'], ['d']]);
  });
  it('terminates on a cycle instead of hanging', () => {
    expect(
      dagLevels([
        { id: 'x', needs: ['y'] },
        { id: 'y', needs: ['x'] },
      ]).size,
    ).toBe(2);
  });
});
