/** STIX 2.1 patterning tokens (STIX 2.1 part 9: Patterning). */
export type StixToken =
  | { kind: 'punct'; value: '[' | ']' | '(' | ')' | ',' | ':' | '.' | '*'; at: number }
  | { kind: 'op'; value: '=' | '!=' | '<' | '<=' | '>' | '>='; at: number }
  | { kind: 'word'; value: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'int'; value: number; at: number }
  | { kind: 'float'; value: number; at: number }
  | { kind: 'timestamp'; value: string; at: number }
  | { kind: 'hex'; value: string; at: number }
  | { kind: 'binary'; value: string; at: number }
  | { kind: 'end'; at: number };

/** A pattern that does not follow the grammar; `at` is the offset of the offending character. */
export class StixPatternError extends Error {
  readonly code = 'STIX_PATTERN' as const;
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(`${message} at offset ${at}`);
  }
}

const PUNCT = new Set(['[', ']', '(', ')', ',', ':', '.', '*']);
const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_-]/;
const DIGIT = /[0-9]/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const HEX = /^([0-9a-fA-F]{2})*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Splits a pattern into tokens; throws StixPatternError on an unterminated or malformed literal. */
export function tokenizeStixPattern(src: string): StixToken[] {
  const out: StixToken[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (PUNCT.has(c)) {
      out.push({ kind: 'punct', value: c as '[', at });
      i++;
    } else if (c === '=' || c === '!' || c === '<' || c === '>') {
      const two = src.slice(i, i + 2);
      if (two === '!=' || two === '<=' || two === '>=' || two === '==') {
        // `==` is accepted as `=` (older STIX producers emit it).
        out.push({ kind: 'op', value: two === '==' ? '=' : (two as '!='), at });
        i += 2;
      } else if (c === '!') {
        throw new StixPatternError("expected '!='", at);
      } else {
        out.push({ kind: 'op', value: c as '=', at });
        i++;
      }
    } else if (c === "'") {
      const { value, end } = readQuoted(src, i);
      out.push({ kind: 'string', value, at });
      i = end;
    } else if ((c === 't' || c === 'h' || c === 'b') && src.charAt(i + 1) === "'") {
      const { value, end } = readQuoted(src, i + 1);
      if (c === 't' && !TIMESTAMP.test(value)) throw new StixPatternError('bad timestamp literal', at);
      if (c === 'h' && !HEX.test(value)) throw new StixPatternError('bad hex literal', at);
      if (c === 'b' && !BASE64.test(value)) throw new StixPatternError('bad binary literal', at);
      out.push({ kind: c === 't' ? 'timestamp' : c === 'h' ? 'hex' : 'binary', value, at });
      i = end;
    } else if (DIGIT.test(c) || ((c === '-' || c === '+') && DIGIT.test(src.charAt(i + 1)))) {
      let j = i + 1;
      while (DIGIT.test(src.charAt(j))) j++;
      // A '.' followed by a digit is a fraction; followed by a letter it is a path separator.
      if (src.charAt(j) === '.' && DIGIT.test(src.charAt(j + 1))) {
        j++;
        while (DIGIT.test(src.charAt(j))) j++;
        out.push({ kind: 'float', value: Number(src.slice(i, j)), at });
      } else {
        out.push({ kind: 'int', value: Number(src.slice(i, j)), at });
      }
      i = j;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (WORD_PART.test(src.charAt(j))) j++;
      out.push({ kind: 'word', value: src.slice(i, j), at });
      i = j;
    } else {
      throw new StixPatternError(`unexpected character '${c}'`, at);
    }
  }
  out.push({ kind: 'end', at: src.length });
  return out;
}

/** A single-quoted literal starting at `start`; `\'` and `\\` are the only escapes. */
function readQuoted(src: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '\\') {
      const next = src.charAt(i + 1);
      if (next !== "'" && next !== '\\') throw new StixPatternError('bad escape in string literal', i);
      value += next;
      i += 2;
    } else if (c === "'") {
      return { value, end: i + 1 };
    } else {
      value += c;
      i++;
    }
  }
  throw new StixPatternError('unterminated string literal', start);
}
