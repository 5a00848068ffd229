/** A markdown table with padded columns, as the repository's formatter (Biome) writes them. */
export function markdownTable(header: string[], align: Array<'l' | 'r'>, rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (cell: string, i: number): string =>
    align[i] === 'r' ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number);
  const line = (cells: string[]): string => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}
