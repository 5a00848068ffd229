export interface UrlMatch {
  value: string;
  end: number;
  /** Host as written (no brackets, no port), or null when the authority has no usable host. */
  host: string | null;
  hostStart: number;
  hostEnd: number;
  authorityEnd: number;
}

/** Characters that end a URL in free text: whitespace, quotes, angle brackets and a few shell/JSON delimiters. */
export function isUrlTerminator(c: number): boolean {
  if (c <= 32 || c === 127) return true;
  switch (c) {
    case 34: // "
    case 39: // '
    case 60: // <
    case 62: // >
    case 96: // `
    case 92: // backslash
    case 124: // |
    case 94: // ^
    case 123: // {
    case 125: // }
    case 0xa0:
    case 0x3000:
    case 0x3001: // ideographic comma and full stop
    case 0x3002:
    case 0xff0c: // fullwidth comma
    case 0x2018: // typographic quotes, as word processors write them
    case 0x2019:
    case 0x201c:
    case 0x201d:
    case 0xab: // guillemets
    case 0xbb:
    case 0x2028:
    case 0x2029:
      return true;
    default:
      return false;
  }
}

const TRAILING_PUNCT = new Set([46, 44, 59, 58, 33, 63, 42]); // . , ; : ! ? *

/**
 * Ends a span per the usual rules: trailing punctuation goes, and a closing bracket goes only
 * when it has no opening partner inside the span (`(see http://x.com/a)` vs `wiki/Foo_(bar)`).
 */
export function trimTrailing(text: string, start: number, end: number): number {
  let parens = 0;
  let squares = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) parens++;
    else if (c === 41) parens--;
    else if (c === 91) squares++;
    else if (c === 93) squares--;
  }
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (TRAILING_PUNCT.has(c)) e--;
    else if (c === 41 && parens < 0) {
      parens++;
      e--;
    } else if (c === 93 && squares < 0) {
      squares++;
      e--;
    } else break;
  }
  return e;
}

const isHostChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 46 ||
  c === 45 ||
  c === 95 ||
  c > 127;

/** `text[schemeStart..]` is `scheme://`, `bodyStart` is just after `//`. */
export function matchUrl(text: string, schemeStart: number, bodyStart: number): UrlMatch | null {
  const n = text.length;
  let k = bodyStart;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isUrlTerminator(c) || c === 47 || c === 63 || c === 35) break;
    k++;
  }
  let authorityEnd = k;
  while (k < n && !isUrlTerminator(text.charCodeAt(k))) k++;
  const end = trimTrailing(text, bodyStart, k);
  if (end < authorityEnd) authorityEnd = end;
  if (authorityEnd <= bodyStart) return null;

  // Searches stay inside the authority: an unbounded indexOf would make many URLs quadratic.
  const at = lastIndexIn(text, 64, bodyStart, authorityEnd);
  const hostStart = at >= 0 ? at + 1 : bodyStart;
  let hostEnd: number;
  let host: string;
  let hostSpanStart = hostStart;
  if (text.charCodeAt(hostStart) === 91) {
    const close = indexIn(text, 93, hostStart, authorityEnd);
    if (close < 0) return null;
    hostSpanStart = hostStart + 1;
    hostEnd = close;
    host = text.slice(hostSpanStart, hostEnd);
  } else {
    const colon = indexIn(text, 58, hostStart, authorityEnd);
    hostEnd = colon >= 0 ? colon : authorityEnd;
    while (hostEnd > hostStart && text.charCodeAt(hostEnd - 1) === 46) hostEnd--;
    host = text.slice(hostStart, hostEnd);
    if (host.length === 0) return null;
    let alnum = false;
    for (let p = 0; p < host.length; p++) {
      const c = host.charCodeAt(p);
      if (!isHostChar(c)) return null;
      if (c !== 46 && c !== 45 && c !== 95) alnum = true;
    }
    if (!alnum) return null;
  }
  const scheme = text.slice(schemeStart, bodyStart).toLowerCase();
  const value = `${scheme}${text.slice(bodyStart, hostStart)}${text.slice(hostStart, hostEnd).toLowerCase()}${text.slice(hostEnd, end)}`;
  return { value, end, host, hostStart: hostSpanStart, hostEnd, authorityEnd };
}

function indexIn(text: string, code: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

function lastIndexIn(text: string, code: number, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (text.charCodeAt(k) === code) return k;
  return -1;
}
