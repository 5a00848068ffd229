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
      return { len: 1, out: '.' };
    case 100:
      return matchWord(text, j, 'dot') ? { len: 3, out: '.' } : null;
    case 97:
      return matchWord(text, j, 'at') ? { len: 2, out: '@' } : null;
    case 58:
      return matchWord(text, j, '://') ? { len: 3, out: '://' } : { len: 1, out: ':' };
    case 47:
      return { len: 1, out: '/' };
    case 64:
      return { len: 1, out: '@' };
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
  return k < text.length && isClose(text.charCodeAt(k)) ? { len: k + 1 - i, out: content.out } : null;
}

/** `hxxp`, `hXXps`, `fxp` at a word start. */
function matchScheme(text: string, i: number): Match | null {
  if (i > 0 && isAlnum(text.charCodeAt(i - 1))) return null;
  const c = lower(text.charCodeAt(i));
  if (c === 104 && matchWord(text, i, 'hxxp')) {
    const s = lower(text.charCodeAt(i + 4)) === 115;
    const after = text.charCodeAt(i + (s ? 5 : 4));
    if (after === 58 || isOpen(after)) return { len: s ? 5 : 4, out: s ? 'https' : 'http' };
  }
  if (c === 102 && matchWord(text, i, 'fxp')) {
    const after = text.charCodeAt(i + 3);
    if (after === 58 || isOpen(after)) return { len: 3, out: 'ftp' };
  }
  return null;
}

/** Characters where a defang form can start or end; everything else is skipped in a tight loop. */
const TRIGGER = new Uint8Array(128);
for (const ch of '[({])}\\hHfF') TRIGGER[ch.charCodeAt(0)] = 1;

const isWhitespace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export function refangWithOffsets(text: string): RefangResult {
  const reps = new ReplacementLog();
  // The output is never longer than the input, so it is written into one code-unit buffer,
  // allocated at the first replacement; texts without defanging are returned as they are.
  let buf: Uint16Array | null = null;
  let copyFrom = 0;
  let outLen = 0;
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
    buf ??= new Uint16Array(text.length);
    for (let k = copyFrom; k < at; k++) buf[outLen++] = text.charCodeAt(k);
    reps.push(outLen, out.length, at, len);
    for (let k = 0; k < out.length; k++) buf[outLen++] = out.charCodeAt(k);
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

  if (buf === null) {
    return { text, toOriginal: (start, end) => ({ start, end }) };
  }
  const filled: Uint16Array = buf;
  for (let k = copyFrom; k < n; k++) filled[outLen++] = text.charCodeAt(k);
  return { text: decodeUnits(filled, outLen), toOriginal: (start, end) => mapSpan(reps, start, end) };
}

export function refang(text: string): string {
  return refangWithOffsets(text).text;
}

const CHUNK = 8192;

/** Code units back to a string; chunked because `fromCharCode.apply` takes limited arguments. */
function decodeUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let k = 0; k < length; k += CHUNK) {
    parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(k, Math.min(length, k + CHUNK)))));
  }
  return parts.join('');
}

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
