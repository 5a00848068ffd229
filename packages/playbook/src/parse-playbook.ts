import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';

export type PathSegment = string | number;

export type ErrorCode =
  | 'yaml'
  | 'schema'
  | 'duplicate-step'
  | 'unknown-step'
  | 'reference'
  | 'cycle'
  | 'unknown-action'
  | 'missing-input'
  | 'unknown-input'
  | 'input-type'
  | 'expression'
  | 'goto'
  | 'unknown-playbook'
  | 'recursion'
  | 'internal';

/** One problem in a playbook source; lines and columns are 1-based, the end is exclusive. */
export type PlaybookError = {
  code: ErrorCode;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  path: PathSegment[];
};

export type ParsedSource = {
  source: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** plain JS value of the document; undefined when YAML errors made it unusable */
  value: unknown;
  errors: PlaybookError[];
};

/** Anchors expand into copies; a low cap refuses billion-laughs documents instead of exhausting memory. */
const MAX_ALIAS_COUNT = 50;

/**
 * Parses YAML or JSON (JSON is YAML 1.2 flow syntax) keeping node ranges, so every later check can point at
 * the line and column the author wrote.
 */
export function parsePlaybook(source: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  const parsed: ParsedSource = { source, doc, lineCounter, value: undefined, errors: [] };
  for (const e of doc.errors) {
    parsed.errors.push(
      errorAt(parsed, 'yaml', e.message.split('\n')[0] ?? e.message, e.pos[0], e.pos[1], []),
    );
  }
  if (doc.errors.length === 0) {
    try {
      parsed.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      parsed.errors.push(errorAt(parsed, 'yaml', err instanceof Error ? err.message : String(err), 0, 0, []));
    }
  }
  return parsed;
}

export function errorAt(
  parsed: Pick<ParsedSource, 'lineCounter' | 'source'>,
  code: ErrorCode,
  message: string,
  start: number,
  end: number,
  path: PathSegment[],
): PlaybookError {
  const s = Math.max(0, Math.min(start, parsed.source.length));
  const e = Math.max(s, Math.min(end, parsed.source.length));
  const a = parsed.lineCounter.linePos(s);
  const b = parsed.lineCounter.linePos(e);
  return { code, message, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, path };
}

export type Located = { node: Node | undefined; keyNode: Node | undefined; exact: boolean };

/** The YAML node at `path`, or the deepest ancestor that exists (for a missing key). */
export function locate(doc: Document.Parsed, path: readonly PathSegment[]): Located {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) return { node: node as Node, keyNode, exact: false };
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      keyNode = undefined;
      node = node.items[seg];
    } else {
      return { node: (node as Node | null) ?? undefined, keyNode, exact: false };
    }
    if (isAlias(node)) return { node: node as Node, keyNode, exact: false };
  }
  return { node: (node as Node | null) ?? undefined, keyNode, exact: true };
}

/** Source range of the value at `path` (or of its key, for an unexpected key). */
export function rangeOf(
  parsed: Pick<ParsedSource, 'doc' | 'source'>,
  path: readonly PathSegment[],
  which: 'value' | 'key' = 'value',
): [number, number] {
  const found = locate(parsed.doc, path);
  const node = which === 'key' && found.exact && found.keyNode ? found.keyNode : found.node;
  const range = node?.range;
  if (!range) return [0, 0];
  return [range[0], range[1]];
}

/**
 * Source offset of character `valueOffset` of a string scalar's value. Exact for plain, quoted (without
 * escapes) and block scalars, by finding the value's line in the source; otherwise the scalar's start.
 */
export function offsetInScalar(
  parsed: Pick<ParsedSource, 'doc' | 'source'>,
  path: readonly PathSegment[],
  valueOffset: number,
): number {
  const found = locate(parsed.doc, path);
  const node = found.node;
  if (!found.exact || !isScalar(node) || typeof node.value !== 'string' || !node.range)
    return node?.range?.[0] ?? 0;
  const value = node.value;
  const before = value.slice(0, valueOffset);
  const lineIdx = before.split('\n').length - 1;
  const col = valueOffset - (before.lastIndexOf('\n') + 1);
  const lineText = value.split('\n')[lineIdx] ?? '';
  const [start, , end] = node.range;
  const at = lineText ? parsed.source.indexOf(lineText, start) : -1;
  return at !== -1 && at < end ? at + col : start;
}
