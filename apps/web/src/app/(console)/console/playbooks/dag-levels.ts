/** Column of each step in the run graph: 0 for roots, else one past its deepest need. */
export function dagLevels(steps: readonly { id: string; needs: readonly string[] }[]): Map<string, number> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    // A validated playbook has no cycle; guard anyway so a bad row cannot hang the page.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const needs = byId.get(id)?.needs.filter((n) => byId.has(n)) ?? [];
    const l = needs.length ? Math.max(...needs.map(visit)) + 1 : 0;
    visiting.delete(id);
    level.set(id, l);
    return l;
  };
  for (const s of steps) visit(s.id);
  return level;
}

/** Steps grouped by level, in playbook order within a level. */
export function dagColumns<T extends { id: string; needs: readonly string[] }>(steps: readonly T[]): T[][] {
  const levels = dagLevels(steps);
  const columns: T[][] = [];
  for (const s of steps) {
    const l = levels.get(s.id) ?? 0;
    const column = columns[l] ?? [];
    column.push(s);
    columns[l] = column;
  }
  return columns.map((c) => c ?? []);
}
