import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ListEntryInput, type MatchableEntry } from './list-entry';

export const CSV_COLUMNS = [
  'list',
  'match_kind',
  'value',
  'artifact_type',
  'criticality',
  'reason',
  'owner',
  'expires_at',
] as const;
const REQUIRED = ['list', 'value'] as const;
export const MAX_CSV_ROWS = 5_000;

export type CsvRowError = { line: number; message: string };
export type CsvPreview = {
  /** Valid rows with the line they came from (1 is the header). */
  rows: { line: number; entry: ListEntryInput }[];
  errors: CsvRowError[];
  /** Problems with the file as a whole (header, size); when present, nothing is imported. */
  fileErrors: string[];
};

/**
 * Parses an uploaded list: each row is validated on its own, so one bad row is reported with its line
 * and the others still import. Duplicates within the file (same list, kind and value) are errors
 * on the later line. `defaultList` fills an empty `list` cell (uploading into one list's page).
 */
export function parseListCsv(
  text: string,
  options: { defaultList?: ListEntryInput['list'] } = {},
): CsvPreview {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    return {
      rows: [],
      errors: [],
      fileErrors: [`not a readable CSV file: ${(err as Error).message.slice(0, 200)}`],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [], fileErrors: ['the file is empty'] };
  const names = header.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((r) => !names.includes(r) && !(r === 'list' && options.defaultList));
  const fileErrors = [
    ...(unknown.length
      ? [`unknown columns: ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(', ')})`]
      : []),
    ...(missing.length ? [`missing columns: ${missing.join(', ')}`] : []),
    ...(body.length > MAX_CSV_ROWS ? [`too many rows: ${body.length} (at most ${MAX_CSV_ROWS})`] : []),
  ];
  if (fileErrors.length) return { rows: [], errors: [], fileErrors };

  const rows: CsvPreview['rows'] = [];
  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (name: string) => {
      const v = cells[names.indexOf(name)];
      // Undo the export's formula guard (a leading ' before = + - @), so an export re-imports unchanged.
      return v === undefined || v === '' ? undefined : v.replace(/^'(?=[=+\-@\t\r])/, '');
    };
    const parsed = ListEntryInput.safeParse({
      list: cell('list') ?? options.defaultList,
      matchKind: cell('match_kind'),
      value: cell('value'),
      artifactType: cell('artifact_type') ?? null,
      criticality: cell('criticality') ?? null,
      reason: cell('reason'),
      owner: cell('owner'),
      expiresAt: cell('expires_at') ?? null,
    });
    if (!parsed.success) {
      errors.push({
        line,
        message: parsed.error.issues
          .map((iss) => `${iss.path.join('.') || 'row'}: ${iss.message}`)
          .join('; '),
      });
      return;
    }
    const key = `${parsed.data.list}\u0000${parsed.data.matchKind}\u0000${parsed.data.value.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `duplicate of line ${first}` });
      return;
    }
    seen.set(key, line);
    rows.push({ line, entry: parsed.data });
  });
  return { rows, errors, fileErrors };
}

export type ExportableEntry = Omit<MatchableEntry, 'id' | 'scope' | 'source' | 'artifactType'> & {
  artifactType: string | null;
};

/** The same columns back out, so an export re-imports unchanged. */
export function listEntriesToCsv(entries: readonly ExportableEntry[]): string {
  return stringify(
    entries.map((e) => [
      e.list,
      e.matchKind,
      e.value,
      e.artifactType ?? '',
      e.criticality ?? '',
      e.reason,
      e.owner,
      e.expiresAt ? e.expiresAt.toISOString() : '',
    ]),
    { header: true, columns: [...CSV_COLUMNS], escape_formulas: true },
  );
}
