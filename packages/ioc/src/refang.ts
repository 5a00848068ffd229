/**
 * Refanging is a single left-to-right pass with bounded look-ahead (never more than a few
 * characters), so it is linear in the input and cannot backtrack.
 */

/**
 * Replacements as flat int quadruples (out start, out length, original start, original length)
 * in a growable typed array: dense defanging (`a[.]a[.]…`) must not allocate per replacement.
 */
class ReplacementLog {
  data = new Int32Array(64);
  count = 0;

  push(outStart: number, outLen: number, origStart: number, origLen: number): void {
    if ((this.count + 1) * 4 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const o = this.count * 4;
    this.data[o] = outStart;
    this.data[o + 1] = outLen;
    this.data[o + 2] = origStart;
    this.data[o + 3] = origLen;
    this.count++;
  }
}

export interface RefangResult {
  text: string;
  /** Maps a [start, end) span of the refanged text back onto the original text. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

const isAlnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
const isSpace = (c: number): boolean => c === 32 || c === 9;
const isOpen = (c: number): boolean => c === 91 || c === 40 || c === 123; // [ ( {
const isClose = (c: number): boolean => c === 93 || c === 41 || c === 125; // ] ) }
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

interface Match {
  len: number;
  out: string;
}

// Matches are read at once by the caller, so they are constants or one reused record: densely
// defanged input must not allocate an object per replacement.
const DOT: Match = { len: 1, out: '.' };
const DOT_WORD: Match = { len: 3, out: '.' };
const AT_WORD: Match = { len: 2, out: '@' };
const AT: Match = { len: 1, out: '@' };
const COLON_SLASHES: Match = { len: 3, out: '://' };
const COLON: Match = { len: 1, out: ':' };
const SLASH: Match = { len: 1, out: '/' };
const found: Match = { len: 0, out: '' };

function result(len: number, out: string): Match {
  found.len = len;
  found.out = out;
  return found;
}

function matchWord(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    if (lower(text.charCodeAt(i + k)) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** What a bracketed `content` stands for, chosen by its first character (longest first: `://` before `:`). */
function bracketContent(text: string, j: number): Match | null {
  switch (lower(text.charCodeAt(j))) {
    case 46:
      return DOT;
    case 100:
      return matchWord(text, j, 'dot') ? DOT_WORD : null;
    case 97:
      return matchWord(text, j, 'at') ? AT_WORD : null;
    case 58:
      return matchWord(text, j, '://') ? COLON_SLASHES : COLON;
    case 47:
      return SLASH;
    case 64:
      return AT;
    default:
      return null;
  }
}

/** `[.]`, `( dot )`, `{://}`... starting at an opening bracket. */
function matchBracket(text: string, i: number): Match | null {
  let j = i + 1;
  while (j < text.length && j - i <= 2 && isSpace(text.charCodeAt(j))) j++;
  const content = bracketContent(text, j);
  if (!content) return null;
  let k = j + content.len;
  while (k < text.length && k - (j + content.len) < 2 && isSpace(text.charCodeAt(k))) k++;
  return k < text.length && isClose(text.charCodeAt(k)) ? result(k + 1 - i, content.out) : null;
}

/** `hxxp`, `hXXps`, `fxp` at a word start. */
function matchScheme(text: string, i: number): Match | null {
  if (i > 0 && isAlnum(text.charCodeAt(i - 1))) return null;
  const c = lower(text.charCodeAt(i));
  if (c === 104 && matchWord(text, i, 'hxxp')) {
    const s = lower(text.charCodeAt(i + 4)) === 115;
    const after = text.charCodeAt(i + (s ? 5 : 4));
    if (after === 58 || isOpen(after)) return result(s ? 5 : 4, s ? 'https' : 'http');
  }
  if (c === 102 && matchWord(text, i, 'fxp')) {
    const after = text.charCodeAt(i + 3);
    if (after === 58 || isOpen(after)) return result(3, 'ftp');
  }
  return null;
}

/** Characters where a defang form can start or end; everything else is skipped in a tight loop. */
const TRIGGER = new Uint8Array(128);
for (const ch of '[({])}\\hHfF') TRIGGER[ch.charCodeAt(0)] = 1;

const isWhitespace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export function refangWithOffsets(text: string): RefangResult {
  const reps = new ReplacementLog();
  // Output pieces: long unchanged stretches as slices (native copies), short ones and the
  // replacement text gathered in a small code-unit buffer, so that dense defanging does not
  // allocate a string per replacement. Texts without defanging are returned as they are.
  const parts: string[] = [];
  let pending: Uint16Array | null = null;
  let pendingLen = 0;
  let copyFrom = 0;
  let outLen = 0;
  const flush = (): void => {
    if (pending && pendingLen > 0) {
      parts.push(String.fromCharCode.apply(null, pending.subarray(0, pendingLen) as unknown as number[]));
      pendingLen = 0;
    }
  };
  const pushUnit = (unit: number): void => {
    pending ??= new Uint16Array(PENDING_SIZE);
    if (pendingLen === PENDING_SIZE) flush();
    pending[pendingLen++] = unit;
  };
  const copy = (from: number, to: number): void => {
    if (to - from >= SLICE_MIN) {
      flush();
      parts.push(text.slice(from, to));
    } else for (let k = from; k < to; k++) pushUnit(text.charCodeAt(k));
    outLen += to - from;
  };
  // `\.` is refanged in `evil\.com` but not in `C:\Users\bob\.ssh`: it stays when a path
  // backslash (one not before a dot) occurs earlier in the same whitespace-free word. The last
  // whitespace is found lazily by a cursor that only moves forward, keeping the pass linear.
  let lastPathBackslash = -1;
  let lastWhitespace = -1;
  let whitespaceCursor = 0;
  const lastWhitespaceBefore = (pos: number): number => {
    while (whitespaceCursor < pos) {
      if (isWhitespace(text.charCodeAt(whitespaceCursor))) lastWhitespace = whitespaceCursor;
      whitespaceCursor++;
    }
    return lastWhitespace;
  };

  const replace = (at: number, len: number, out: string): void => {
    copy(copyFrom, at);
    reps.push(outLen, out.length, at, len);
    for (let k = 0; k < out.length; k++) pushUnit(out.charCodeAt(k));
    outLen += out.length;
    copyFrom = at + len;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || TRIGGER[c] === 0) {
      i++;
      continue;
    }
    if (isOpen(c)) {
      const m = matchBracket(text, i);
      if (m) {
        // `evil [.] com` and `bob [at] corp`: the spaces around a bracketed dot or at go too.
        const spaced =
          (m.out === '.' || m.out === '@') &&
          i >= 2 &&
          i - 1 >= copyFrom &&
          text.charCodeAt(i - 1) === 32 &&
          isAlnum(text.charCodeAt(i - 2));
        if (spaced) {
          const end = i + m.len;
          const trailing = text.charCodeAt(end) === 32 && isAlnum(text.charCodeAt(end + 1)) ? 1 : 0;
          if (trailing === 1 || isAlnum(text.charCodeAt(end))) {
            replace(i - 1, m.len + 1 + trailing, m.out);
            i = end + trailing;
            continue;
          }
        }
        replace(i, m.len, m.out);
        i += m.len;
        continue;
      }
      // Half bracket `1.1.1[.1`: only between word characters, so code like `f[.5]` is left alone.
      if (
        (c === 91 || c === 40) &&
        text.charCodeAt(i + 1) === 46 &&
        i > 0 &&
        isAlnum(text.charCodeAt(i - 1)) &&
        isAlnum(text.charCodeAt(i + 2))
      ) {
        replace(i, 2, '.');
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    if (c === 93 || c === 41) {
      // Half bracket `evil.]com`.
      if (
        i >= 2 &&
        i - 1 >= copyFrom &&
        text.charCodeAt(i - 1) === 46 &&
        isAlnum(text.charCodeAt(i - 2)) &&
        isAlnum(text.charCodeAt(i + 1))
      ) {
        replace(i - 1, 2, '.');
      }
      i++;
      continue;
    }
    if (c === 92) {
      if (text.charCodeAt(i + 1) === 46) {
        const wordStart = lastWhitespaceBefore(i) + 1;
        if (lastPathBackslash < wordStart && i > wordStart && isAlnum(text.charCodeAt(i - 1))) {
          replace(i, 2, '.');
          i += 2;
          continue;
        }
      } else lastPathBackslash = i;
      i++;
      continue;
    }
    const m = matchScheme(text, i);
    if (m) {
      replace(i, m.len, m.out);
      i += m.len;
      continue;
    }
    i++;
  }

  if (reps.count === 0) {
    return { text, toOriginal: (start, end) => ({ start, end }) };
  }
  copy(copyFrom, n);
  flush();
  return { text: parts.join(''), toOriginal: (start, end) => mapSpan(reps, start, end) };
}

export function refang(text: string): string {
  return refangWithOffsets(text).text;
}

const PENDING_SIZE = 4096;
const SLICE_MIN = 32;

/** Index of the last replacement starting at or before `p`, or -1. */
function lastRepAtOrBefore(reps: ReplacementLog, p: number): number {
  let lo = 0;
  let hi = reps.count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((reps.data[mid * 4] as number) <= p) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function mapPoint(reps: ReplacementLog, p: number, isEnd: boolean): number {
  const idx = lastRepAtOrBefore(reps, p);
  if (idx < 0) return isEnd ? p + 1 : p;
  const d = reps.data;
  const outStart = d[idx * 4] as number;
  const outLen = d[idx * 4 + 1] as number;
  const origStart = d[idx * 4 + 2] as number;
  const origLen = d[idx * 4 + 3] as number;
  if (p < outStart + outLen) return isEnd ? origStart + origLen : origStart;
  const orig = p - (outStart + outLen) + origStart + origLen;
  return isEnd ? orig + 1 : orig;
}

function mapSpan(reps: ReplacementLog, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const s = mapPoint(reps, start, false);
    return { start: s, end: s };
  }
  return { start: mapPoint(reps, start, false), end: mapPoint(reps, end - 1, true) };
}
