import { lineDiff } from '../playbook/line-diff';

export type MergeChunk =
  | { kind: 'clean'; lines: string[] }
  | { kind: 'conflict'; base: string[]; ours: string[]; theirs: string[] };

export type MergeResult = { chunks: MergeChunk[]; conflicts: number; text: string };

/** base line index → the other side's line index, for the lines the LCS diff keeps. */
function matches(base: string, other: string): Map<number, number> {
  const map = new Map<number, number>();
  for (const l of lineDiff(base, other)) {
    if (l.op === 'same' && l.oldLine !== undefined && l.newLine !== undefined)
      map.set(l.oldLine - 1, l.newLine - 1);
  }
  return map;
}

const same = (x: readonly string[], y: readonly string[]) =>
  x.length === y.length && x.every((l, i) => l === y[i]);

/**
 * diff3 over lines: `base` is the template version the tenant's copy came from, `ours` the tenant's
 * current source, `theirs` the new template. Between lines all three keep, a region changed on one
 * side only takes that side; changed identically on both sides, once; changed differently, it is a
 * conflict. `text` marks conflicts git-style, so an unresolved merge never validates as YAML.
 */
export function threeWayMerge(base: string, ours: string, theirs: string): MergeResult {
  const b = base.split('\n');
  const o = ours.split('\n');
  const t = theirs.split('\n');
  const mo = matches(base, ours);
  const mt = matches(base, theirs);
  const chunks: MergeChunk[] = [];
  const push = (lines: string[]) => {
    if (lines.length === 0) return;
    const last = chunks.at(-1);
    if (last?.kind === 'clean') last.lines.push(...lines);
    else chunks.push({ kind: 'clean', lines: [...lines] });
  };
  let bi = 0;
  let oi = 0;
  let ti = 0;
  for (;;) {
    // The next base line both sides kept, in order on both sides.
    let sync = bi;
    while (sync < b.length && !((mo.get(sync) ?? -1) >= oi && (mt.get(sync) ?? -1) >= ti)) sync++;
    const oEnd = sync < b.length ? (mo.get(sync) as number) : o.length;
    const tEnd = sync < b.length ? (mt.get(sync) as number) : t.length;
    const bChunk = b.slice(bi, sync);
    const oChunk = o.slice(oi, oEnd);
    const tChunk = t.slice(ti, tEnd);
    if (same(oChunk, bChunk)) push(tChunk);
    else if (same(tChunk, bChunk) || same(oChunk, tChunk)) push(oChunk);
    else chunks.push({ kind: 'conflict', base: bChunk, ours: oChunk, theirs: tChunk });
    if (sync >= b.length) break;
    push([b[sync] as string]);
    bi = sync + 1;
    oi = oEnd + 1;
    ti = tEnd + 1;
  }
  const text = chunks
    .flatMap((c) =>
      c.kind === 'clean'
        ? c.lines
        : [
            '<<<<<<< tenant',
            ...c.ours,
            '||||||| template (old)',
            ...c.base,
            '=======',
            ...c.theirs,
            '>>>>>>> template (new)',
          ],
    )
    .join('\n');
  return { chunks, conflicts: chunks.filter((c) => c.kind === 'conflict').length, text };
}
