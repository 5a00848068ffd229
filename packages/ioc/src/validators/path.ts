/** Hive names as they start a registry key (`HKLM\…`, `HKEY_LOCAL_MACHINE\…`, PowerShell `HKLM:\…`). */
export const REGISTRY_HIVES: ReadonlySet<string> = new Set([
  'HKLM',
  'HKCU',
  'HKCR',
  'HKU',
  'HKCC',
  'HKEY_LOCAL_MACHINE',
  'HKEY_CURRENT_USER',
  'HKEY_CLASSES_ROOT',
  'HKEY_USERS',
  'HKEY_CURRENT_CONFIG',
]);

const UNIX_ROOTS = new Set([
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib32',
  'lib64',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
  'Users',
  'Library',
  'Applications',
  'System',
  'Volumes',
  'private',
]);

/** Device files that every shell one-liner redirects to; not evidence of anything. */
const UNIX_NOISE = new Set([
  '/dev/null',
  '/dev/zero',
  '/dev/random',
  '/dev/urandom',
  '/dev/stdin',
  '/dev/stdout',
  '/dev/stderr',
  '/dev/tty',
]);

function isPathTerminator(c: number): boolean {
  if (c < 32) return true;
  switch (c) {
    case 34: // "
    case 39: // '
    case 60: // <
    case 62: // >
    case 124: // |
    case 42: // *
    case 63: // ?
    case 59: // ;
    case 96: // `
    case 58: // : (only legal as the drive separator, which is before bodyStart)
    case 0xa0:
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
      return true;
    default:
      return false;
  }
}

const LOOKAHEAD = 64;

/**
 * After a space inside a Windows path: does the path go on (`C:\Program Files\…`,
 * `C:\Program Files (x86)\…`)? Yes if one of the next few words holds a backslash and none of
 * them looks like an argument or the start of another path. The look-ahead is bounded.
 */
function pathContinuesAfterSpace(text: string, space: number): boolean {
  let k = space + 1;
  let wordStart = k;
  let words = 1;
  const limit = Math.min(text.length, space + 1 + LOOKAHEAD);
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (k === wordStart) {
      if (c === 45 || c === 47 || c === 32) return false;
      if (text.charCodeAt(k + 1) === 58 || (c === 92 && text.charCodeAt(k + 1) === 92)) return false;
      // Another key or path starting: `HKLM\…`, `HKEY_…`.
      if ((c === 72 || c === 104) && (text.charCodeAt(k + 1) === 75 || text.charCodeAt(k + 1) === 107))
        return false;
    }
    if (c === 92) return k > wordStart;
    if (c === 32) {
      // `Program Files (x86)\` and `Microsoft Office 15\` need at most three words.
      if (++words > 3) return false;
      wordStart = k + 1;
    } else if (isPathTerminator(c) || c === 44 || c === 61) return false;
    k++;
  }
  return false;
}

/** End of a Windows path or registry key whose body starts at `bodyStart`, or 0. */
export function matchWindowsPath(text: string, start: number, bodyStart: number): number {
  const n = text.length;
  let k = bodyStart;
  let componentHasDot = false;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isPathTerminator(c)) break;
    if (c === 32) {
      if (componentHasDot || !pathContinuesAfterSpace(text, k)) break;
    } else if (c === 44) break;
    else if (c === 92 || c === 47) componentHasDot = false;
    else if (c === 46) componentHasDot = true;
    k++;
  }
  let end = trimPathEnd(text, bodyStart, k);
  while (end > bodyStart && text.charCodeAt(end - 1) === 92) end--;
  return end > bodyStart && end - start > 3 ? end : 0;
}

/** A `/root/...` path at `start` (a slash at a word boundary), or 0. */
export function matchUnixPath(text: string, start: number): number {
  const n = text.length;
  let k = start + 1;
  while (k < n && k - start <= 13) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) k++;
    else break;
  }
  if (text.charCodeAt(k) !== 47 || !UNIX_ROOTS.has(text.slice(start + 1, k))) return 0;
  const bodyStart = k + 1;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (
      c <= 32 ||
      isPathTerminator(c) ||
      c === 44 ||
      c === 41 ||
      c === 93 ||
      c === 123 ||
      c === 125 ||
      c === 92
    ) {
      break;
    }
    k++;
  }
  const end = trimPathEnd(text, start, k);
  if (end <= bodyStart) return 0;
  return UNIX_NOISE.has(text.slice(start, end)) ? 0 : end;
}

function trimPathEnd(text: string, start: number, end: number): number {
  let e = end;
  let parens = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) parens++;
    else if (c === 41) parens--;
  }
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c === 46 || c === 44 || c === 32) e--;
    else if (c === 41 && parens < 0) {
      parens++;
      e--;
    } else break;
  }
  return e;
}
