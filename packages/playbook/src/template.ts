/**
 * The one expression syntax of playbook values: `${{ <JSONata> }}` embedded in any string.
 *
 * - A string that is exactly one `${{ expr }}` (surrounding whitespace allowed) evaluates to the expression's
 *   raw value, so `${{ steps.extract.output.iocs }}` passes an array, not its text.
 * - Any other string is a template: each `${{ expr }}` is replaced by its value as text (JSON for objects,
 *   empty for undefined/null).
 * - Fields that are always an expression (`if`, `foreach`, trigger `filter`) take bare JSONata; a
 *   `${{ }}` wrapper there is tolerated and stripped.
 *
 * Splitting is done by a scanner rather than a regex because JSONata object constructors and string literals
 * may themselves contain `}}`.
 */
export type TemplatePart =
  | { kind: 'text'; text: string; offset: number }
  | { kind: 'expr'; source: string; offset: number };

export type SplitTemplateResult =
  | { ok: true; parts: TemplatePart[] }
  | { ok: false; message: string; offset: number };

const OPEN = '${{';

export function splitTemplate(text: string): SplitTemplateResult {
  const parts: TemplatePart[] = [];
  let i = 0;
  let textStart = 0;
  while (i < text.length) {
    const open = text.indexOf(OPEN, i);
    if (open === -1) break;
    const exprStart = open + OPEN.length;
    const close = findClose(text, exprStart);
    if (close === -1) return { ok: false, message: `unterminated '${OPEN}': missing '}}'`, offset: open };
    if (open > textStart) parts.push({ kind: 'text', text: text.slice(textStart, open), offset: textStart });
    parts.push({ kind: 'expr', source: text.slice(exprStart, close), offset: exprStart });
    i = close + 2;
    textStart = i;
  }
  if (textStart < text.length) parts.push({ kind: 'text', text: text.slice(textStart), offset: textStart });
  return { ok: true, parts };
}

function findClose(text: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0 && text[i + 1] === '}') return i;
      if (depth > 0) depth--;
    }
  }
  return -1;
}

export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(OPEN);
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasTemplate);
  return false;
}

/** The source of a bare-expression field, with an optional `${{ }}` wrapper removed; offset is where it starts. */
export function bareExpression(text: string): { source: string; offset: number } {
  const split = splitTemplate(text);
  if (split.ok && split.parts.length === 1 && split.parts[0]?.kind === 'expr') {
    return { source: split.parts[0].source, offset: split.parts[0].offset };
  }
  return { source: text, offset: 0 };
}

/** The single expression of a whole-value template (`"${{ x }}"`), if that is what the string is. */
export function wholeExpression(parts: readonly TemplatePart[]): TemplatePart | undefined {
  const meaningful = parts.filter((p) => p.kind === 'expr' || p.text.trim() !== '');
  const only = meaningful[0];
  return meaningful.length === 1 && only?.kind === 'expr' ? only : undefined;
}
