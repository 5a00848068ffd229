import type { IocType, IpTag } from './ioc';
import { asnFromDigits, normalizeAsn } from './validators/asn';
import { isBtcAddress } from './validators/btc';
import { normalizeCve } from './validators/cve';
import { isDomain } from './validators/domain';
import { hashType } from './validators/hash';
import { ipv4Tags, ipv6Tags } from './validators/ip-tags';
import { parseIpv4 } from './validators/ipv4';
import { formatIpv6, parseIpv6 } from './validators/ipv6';
import { normalizeMac } from './validators/mac';
import { lookupTechnique } from './validators/mitre-technique';
import { matchUnixPath, matchWindowsPath, REGISTRY_HIVES } from './validators/path';
import { matchSsdeep } from './validators/ssdeep';
import { matchUrl } from './validators/url';

/**
 * One forward pass. It jumps from anchor character to anchor character (every indicator holds a
 * dot, colon, at sign, slash, backslash, hyphen or digit), measures the token around each anchor
 * (a run of characters that can appear in a host, address, hash or id) and classifies it by its
 * own characters plus a few characters of context. URLs and paths, whose characters are wider
 * than a token's, are measured once from their anchor (`scheme://`, `C:\`, `HKLM\`, `/etc/`).
 * Every character is visited a small constant number of times, whatever the input; no regular
 * expression does any matching that could backtrack.
 */

export interface ScanHit {
  type: IocType;
  value: string;
  start: number;
  end: number;
  tags?: IpTag[];
  name?: string;
  tactics?: string[];
}

export interface ScanContext {
  /** The text is a file-name field value: bare `update.zip` is a file, not a domain. */
  fileNameField?: boolean;
  /**
   * The text is an identifier field (`device_id`, `cid`, `kibana.alert.uuid`): 32/40/64-hex ids
   * there are not file hashes.
   */
  identifierField?: boolean;
  /** The text is a version or user-agent field: dotted quads there are versions, not addresses. */
  versionField?: boolean;
  /** The text is a Message-ID field: `<id@host>` names a message, not a mailbox. */
  messageIdField?: boolean;
}

const DIGIT = 1;
const HEXLETTER = 2;
const LETTER = 4;
const DOT = 8;
const DASH = 16;
const UNDERSCORE = 32;
const COLON = 64;
const AT = 128;
const PLUS = 256;
const NONASCII = 512;

const CLS = new Uint16Array(128);
for (let c = 48; c <= 57; c++) CLS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLS[c] = LETTER | (c <= 70 ? HEXLETTER : 0);
for (let c = 97; c <= 122; c++) CLS[c] = LETTER | (c <= 102 ? HEXLETTER : 0);
CLS[46] = DOT;
CLS[45] = DASH;
CLS[95] = UNDERSCORE;
CLS[58] = COLON;
CLS[64] = AT;
CLS[43] = PLUS;

/** Non-ASCII characters join tokens (so `münchen.de` is not cut to `nchen.de`) unless they are spacing or punctuation. */
function clsOf(c: number): number {
  if (c < 128) return CLS[c] as number;
  if (c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f)) return 0;
  if (c >= 0xff01 && c <= 0xff0f) return 0;
  return NONASCII;
}

const isAlnumCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Second-level file extensions that mark `x.pdf.zip` or `a.tar.py` style names as files. */
const FILE_EXTENSIONS = new Set([
  'exe',
  'dll',
  'scr',
  'bat',
  'cmd',
  'ps1',
  'vbs',
  'js',
  'jse',
  'hta',
  'lnk',
  'msi',
  'iso',
  'img',
  'doc',
  'docx',
  'docm',
  'xls',
  'xlsx',
  'xlsm',
  'ppt',
  'pptx',
  'pdf',
  'rtf',
  'txt',
  'csv',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'tar',
  'gz',
  'tgz',
  'rar',
  '7z',
  'jar',
  'html',
  'htm',
  'xml',
  'json',
  'log',
  'tmp',
  'dat',
  'bin',
  'elf',
  'so',
  'dylib',
  'apk',
  'dmg',
  'pkg',
  'deb',
  'rpm',
  'sys',
  'drv',
  'ocx',
  'cpl',
  'wsf',
  'vbe',
  'one',
]);

/**
 * TLDs that are far more often a file extension: a bare two-label `name.zip` is taken as a file.
 * Country TLDs with many real sites (`.pl`, `.rs`, `.md`, `.ml`) stay domains even though they are
 * also script extensions.
 */
const FILE_LIKE_TLDS = new Set(['zip', 'mov', 'py', 'sh', 'one', 'ps', 'pm', 'cab']);

/** Keys whose value is a file name, for `fname=update.zip` in CEF/LEEF/key=value logs. */
const FILE_KEYS = new Set([
  'file',
  'filename',
  'fname',
  'file_name',
  'filepath',
  'file_path',
  'image',
  'parentimage',
  'targetfilename',
  'process',
  'processname',
  'process_name',
  'originalfilename',
  'exe',
  'attachment',
  'attachmentname',
]);

const VERSION_WORDS = new Set([
  'version',
  'ver',
  'v',
  'build',
  'release',
  'rev',
  'revision',
  'firmware',
  'fw',
  'os',
  'osversion',
  'agent',
  'useragent',
  'ua',
  'fileversion',
  'productversion',
  'sensorversion',
  'agentversion',
]);

const SRS_PREFIXES = new Set(['srs0', 'srs1', 'prvs', 'msprvs1', 'btv1']);
const MESSAGE_ID_HEADERS = new Set(['message-id', 'in-reply-to', 'references']);

/** Characters every indicator contains at least one of. */
const ANCHOR = /[.:@\\/0-9-]/g;
const IS_ANCHOR = new Uint8Array(128);
for (const ch of '.:@\\/0123456789-') IS_ANCHOR[ch.charCodeAt(0)] = 1;
const NEAR_ANCHOR = 12;

const SCHEMES = ['http', 'https', 'ftp', 'ftps', 'sftp', 'ws', 'wss', 'smb', 'tftp', 'rtsp', 'ldap', 'ldaps'];

/** `text[from, to)` is a URL scheme we extract, compared in place (no string per candidate). */
function isScheme(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len < 2 || len > 5) return false;
  outer: for (const scheme of SCHEMES) {
    if (scheme.length !== len) continue;
    for (let k = 0; k < len; k++) {
      const c = text.charCodeAt(from + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== scheme.charCodeAt(k)) continue outer;
    }
    return true;
  }
  return false;
}

/** The word just before `p`, skipping a separator such as `=`, `: `, `":"`; lower case, letters/digits/_ only. */
function precedingWord(text: string, p: number): string {
  let k = p - 1;
  let skipped = 0;
  while (k >= 0 && skipped < 4) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 58 || c === 61 || c === 34 || c === 39 || c === 9) {
      k--;
      skipped++;
    } else break;
  }
  if (skipped === 0) return '';
  const end = k + 1;
  while (k >= 0 && end - k <= 20) {
    const c = text.charCodeAt(k);
    if (isAlnumCode(c) || c === 95) k--;
    else break;
  }
  return text.slice(k + 1, end).toLowerCase();
}

/**
 * `Chrome/124.0.0.0`, `Safari/537.36`: a user-agent product token is a word of letters before a
 * slash. Squid's `HIER_DIRECT/104.21.55.10` is not: underscores or a long all-caps word mark a
 * log field name.
 */
function isProductToken(text: string, slash: number): boolean {
  let k = slash - 1;
  let upper = 0;
  while (k >= 0 && slash - k <= 24) {
    const c = text.charCodeAt(k);
    if (c === 95) return false;
    if (!isAlnumCode(c) && c !== 45) break;
    if (c >= 65 && c <= 90) upper++;
    k--;
  }
  const len = slash - 1 - k;
  return len > 0 && isLetterCode(text.charCodeAt(k + 1)) && !(len >= 4 && upper === len);
}

function isVersionContext(text: string, p: number): boolean {
  const prev = text.charCodeAt(p - 1);
  if (prev === 47 && isProductToken(text, p - 1)) return true;
  const word = precedingWord(text, p);
  if (word === '') return false;
  return VERSION_WORDS.has(word) || word.endsWith('version');
}

export function scan(text: string, ctx: ScanContext = {}): ScanHit[] {
  const hits: ScanHit[] = [];
  const n = text.length;

  const emitIpv4 = (p: number, q: number, octets: number[]): void => {
    hits.push({ type: 'ipv4', value: octets.join('.'), start: p, end: q, tags: ipv4Tags(octets) });
  };

  const emitHost = (host: string, p: number, q: number): void => {
    const v4 = parseIpv4(host);
    if (v4) {
      emitIpv4(p, q, v4);
      return;
    }
    if (host.includes(':')) {
      const g = parseIpv6(host);
      if (g) hits.push({ type: 'ipv6', value: formatIpv6(g), start: p, end: q, tags: ipv6Tags(g) });
      return;
    }
    if (isDomain(host)) hits.push({ type: 'domain', value: host.toLowerCase(), start: p, end: q });
  };

  // A file-name field's value ends with the name: `update.zip` there is a file, while
  // `docker.io/library/nginx` in an `image` field still names a registry host.
  let valueEnd = n;
  while (valueEnd > 0 && text.charCodeAt(valueEnd - 1) <= 32) valueEnd--;

  const isDomainFalsePositive = (p: number, q: number, value: string): boolean => {
    if (ctx.fileNameField && q === valueEnd) return true;
    const prev = text.charCodeAt(p - 1);
    if ((prev === 47 || prev === 92) && text.charCodeAt(p - 2) !== prev) return true;
    if (text.charCodeAt(q) === 92) return true;
    const last = value.lastIndexOf('.');
    const tld = value.slice(last + 1);
    const prevLabelStart = value.lastIndexOf('.', last - 1) + 1;
    if (FILE_EXTENSIONS.has(value.slice(prevLabelStart, last))) return true;
    if (FILE_LIKE_TLDS.has(tld) && prevLabelStart === 0) return true;
    const key = precedingWord(text, p);
    return key !== '' && FILE_KEYS.has(key);
  };

  const classifyHashes = (p: number, q: number): void => {
    if (ctx.identifierField) return;
    let runStart = p;
    for (let k = p; k <= q; k++) {
      const c = k < q ? text.charCodeAt(k) : 46;
      if (c === 46 || c === 45 || c === 95) {
        if (k - runStart >= 32) {
          const run = text.slice(runStart, k);
          const t = hashType(run);
          if (t) hits.push({ type: t, value: run.toLowerCase(), start: runStart, end: k });
        }
        runStart = k + 1;
      }
    }
  };

  /** A piece holds no `:`, `@` or `+`; returns where scanning resumes when it consumed look-ahead. */
  const classifyPiece = (p0: number, q0: number): number => {
    let p = p0;
    // `a.smith%40contoso.com`: the two hex digits after `%` belong to the escape, not the name.
    if (text.charCodeAt(p - 1) === 37 && isHexDigit(text.charCodeAt(p)) && isHexDigit(text.charCodeAt(p + 1)))
      p += 2;
    let q = q0;
    while (p < q && (CLS[text.charCodeAt(p)] as number) & (DOT | DASH | UNDERSCORE)) p++;
    while (q > p && (CLS[text.charCodeAt(q - 1)] as number) & (DOT | DASH | UNDERSCORE)) q--;
    const len = q - p;
    if (len < 2) return q0;
    let flags = 0;
    let dots = 0;
    for (let k = p; k < q; k++) {
      const f = clsOf(text.charCodeAt(k));
      flags |= f;
      if (f === DOT) dots++;
    }
    if (flags & NONASCII) return q0;
    // Letters alone are no indicator (every type needs a digit, dot, hyphen or more).
    if ((flags & ~(LETTER | HEXLETTER)) === 0) return q0;
    if (len >= 32) classifyHashes(p, q);
    if ((flags & ~(DIGIT | DOT)) === 0) {
      if (dots === 3) {
        const octets = parseIpv4(text.slice(p, q));
        if (octets && !ctx.versionField && !isVersionContext(text, p)) emitIpv4(p, q, octets);
      }
      return q0;
    }
    const first = text.charCodeAt(p);
    if ((first === 67 || first === 99) && flags & DASH) {
      const cve = normalizeCve(text.slice(p, q));
      if (cve) {
        hits.push({ type: 'cve', value: cve, start: p, end: q });
        return q0;
      }
    }
    if ((first === 84 || first === 116) && (len === 5 || len === 9)) {
      const t = lookupTechnique(text.slice(p, q));
      if (t) {
        hits.push({
          type: 'mitre_technique',
          value: t.id,
          start: p,
          end: q,
          name: t.name,
          tactics: t.tactics,
        });
        return q0;
      }
    }
    if (first === 65 && text.charCodeAt(p + 1) === 83) {
      const asn = normalizeAsn(text.slice(p, q));
      if (asn) {
        hits.push({ type: 'asn', value: asn, start: p, end: q });
        return q0;
      }
    }
    if ((len === 17 && flags & DASH) || (len === 14 && dots === 2)) {
      const mac = normalizeMac(text.slice(p, q));
      if (mac) {
        hits.push({ type: 'mac', value: mac, start: p, end: q });
        return q0;
      }
    }
    if ((flags & (DOT | DASH | UNDERSCORE)) === 0 && len >= 26 && len <= 74 && flags & DIGIT) {
      const s = text.slice(p, q);
      if (isBtcAddress(s)) {
        hits.push({ type: 'btc', value: s, start: p, end: q });
        return q0;
      }
    }
    if (dots > 0 && (flags & UNDERSCORE) === 0 && flags & LETTER) {
      const s = text.slice(p, q);
      if (isDomain(s)) {
        const value = s.toLowerCase();
        if (!isDomainFalsePositive(p, q, value)) hits.push({ type: 'domain', value, start: p, end: q });
      }
    }
    return q0;
  };

  /** Splits on `:` and `+` and classifies each piece. */
  const classifyPieces = (a: number, b: number): number => {
    let resume = b;
    let start = a;
    for (let k = a; k <= b; k++) {
      const c = k < b ? text.charCodeAt(k) : 58;
      if (c === 58 || c === 43 || c === 64) {
        if (k > start) resume = Math.max(resume, classifyPiece(start, k));
        start = k + 1;
      }
    }
    return resume;
  };

  /**
   * Bounce addresses keep `=` in the local part (`bounce+srs=abc@`, `SRS0=…@`, `prvs=…=user@`);
   * `suser=bob@corp.com` is a key and a plain address. Extends back over `=` only for those forms.
   */
  const extendSrsLocal = (ls: number): number => {
    let e = ls;
    while (e > 0 && ls - e < 64) {
      const c = text.charCodeAt(e - 1);
      if (isLocalChar(c) || c === 61) e--;
      else break;
    }
    let start = e;
    for (;;) {
      const eq = text.indexOf('=', start);
      if (eq < 0 || eq >= ls) return start;
      const head = text.slice(start, eq).toLowerCase();
      if (head.includes('+') || SRS_PREFIXES.has(head)) return start;
      start = eq + 1;
    }
  };

  /** `Message-ID: <…@host>` and `In-Reply-To`/`References` hold message ids, not mailboxes. */
  const isMessageIdHeader = (ls: number): boolean => {
    let k = ls - 1;
    while (k >= 0 && ls - k < 4 && (text.charCodeAt(k) === 60 || text.charCodeAt(k) === 32)) k--;
    if (text.charCodeAt(k) === 58) k--;
    const end = k + 1;
    while (k >= 0 && end - k <= 12 && (isLetterCode(text.charCodeAt(k)) || text.charCodeAt(k) === 45)) k--;
    return MESSAGE_ID_HEADERS.has(text.slice(k + 1, end).toLowerCase());
  };

  const classifyEmail = (a: number, b: number): number => {
    const at = text.lastIndexOf('@', b - 1);
    let ls = at;
    while (ls > a && isLocalChar(text.charCodeAt(ls - 1))) ls--;
    if (ls === a && text.charCodeAt(a - 1) === 61) ls = extendSrsLocal(ls);
    while (ls < at && text.charCodeAt(ls) === 46) ls++;
    let de = at + 1;
    while (de < b && isHostChar(text.charCodeAt(de))) de++;
    while (de > at + 1 && (text.charCodeAt(de - 1) === 46 || text.charCodeAt(de - 1) === 45)) de--;
    const domain = text.slice(at + 1, de);
    if (isDomain(domain)) {
      const local = text.slice(ls, at);
      const isMessageId = ctx.messageIdField || isMessageIdHeader(ls);
      if (
        !isMessageId &&
        local.length > 0 &&
        local.length <= 64 &&
        !local.endsWith('.') &&
        !local.includes('..')
      ) {
        hits.push({ type: 'email', value: `${local}@${domain.toLowerCase()}`, start: ls, end: de });
      }
      hits.push({ type: 'domain', value: domain.toLowerCase(), start: at + 1, end: de });
      if (ls > a) classifyPieces(a, ls);
      return b;
    }
    return classifyPieces(a, b);
  };

  /** `C:` ending the token `[a, b)`, starting a word, followed by `/` and a name (not `//`). */
  const isDriveSlashPath = (a: number, b: number): boolean => {
    if (!isLetterCode(text.charCodeAt(b - 2))) return false;
    const before = b - 2 > a ? text.charCodeAt(b - 3) : a > 0 ? text.charCodeAt(a - 1) : 32;
    return !isAlnumCode(before) && before !== 92 && before !== 47 && isAlnumCode(text.charCodeAt(b + 1));
  };

  /** Token `[a, b)`; returns the index to resume scanning from (at least b). */
  const classifyToken = (a: number, b: number, flags: number): number => {
    const last = text.charCodeAt(b - 1);
    const next = text.charCodeAt(b);
    if (last === 58 && next === 47 && text.charCodeAt(b + 1) === 47) {
      let s = b - 1;
      while (s > a && isLetterCode(text.charCodeAt(s - 1))) s--;
      if (isScheme(text, s, b - 1)) {
        const url = matchUrl(text, s, b + 2);
        if (url) {
          if (s > a) classifyPieces(a, s);
          hits.push({ type: 'url', value: url.value, start: s, end: url.end });
          if (url.host) emitHost(url.host, url.hostStart, url.hostEnd);
          return Math.max(b, url.authorityEnd);
        }
      }
    }
    if (next === 47 && last === 58 && b - a >= 2 && isDriveSlashPath(a, b)) {
      // `C:/Windows/System32/x.exe`: a drive path written with forward slashes.
      const end = matchWindowsPath(text, b - 2, b + 1);
      if (end > 0) {
        if (b - 2 > a) classifyPieces(a, b - 2);
        hits.push({ type: 'file_path', value: text.slice(b - 2, end), start: b - 2, end });
        return b + 1;
      }
    }
    if (next === 92) {
      // `C:\…`, `HKLM\…`, `HKCU:\…`
      const driveLetter = b - a >= 2 && last === 58 ? text.charCodeAt(b - 2) : 0;
      // A drive letter starts a word: `x\C:\` is no path start (a colon cannot occur inside one).
      const before = b - 2 > a ? text.charCodeAt(b - 3) : a > 0 ? text.charCodeAt(a - 1) : 32;
      if (
        driveLetter &&
        isLetterCode(driveLetter) &&
        !isAlnumCode(before) &&
        before !== 92 &&
        before !== 47
      ) {
        const end = matchWindowsPath(text, b - 2, b + 1);
        if (end > 0) {
          if (b - 2 > a) classifyPieces(a, b - 2);
          hits.push({ type: 'file_path', value: text.slice(b - 2, end), start: b - 2, end });
          return b;
        }
      }
      const hiveEnd = last === 58 ? b - 1 : b;
      let hs = hiveEnd;
      while (hs > a && (isLetterCode(text.charCodeAt(hs - 1)) || text.charCodeAt(hs - 1) === 95)) hs--;
      if (hiveEnd - hs >= 3 && REGISTRY_HIVES.has(text.slice(hs, hiveEnd).toUpperCase())) {
        const end = matchWindowsPath(text, hs, b + 1);
        if (end > 0) {
          hits.push({ type: 'registry_key', value: text.slice(hs, end), start: hs, end });
          return b;
        }
      }
    }
    if (flags & COLON) {
      const f = text.charCodeAt(a);
      if (f >= 48 && f <= 57) {
        const m = matchSsdeep(text, a);
        if (m > 0) {
          hits.push({ type: 'ssdeep', value: text.slice(a, a + m), start: a, end: a + m });
          return a + m;
        }
      }
      if ((flags & (LETTER | HEXLETTER | DIGIT | COLON | DOT)) === flags && b - a >= 3) {
        let e = b;
        while (e > a && text.charCodeAt(e - 1) === 46) e--;
        if (flags & DIGIT && e - a <= 45 && colonCount(text, a, e) >= 2 && onlyHexColonDot(text, a, e)) {
          const g = parseIpv6(text.slice(a, e));
          // `0::` is the unspecified address (`::`): no indicator, and `::` alone is never a token here.
          if (g && formatIpv6(g) !== '::') {
            hits.push({ type: 'ipv6', value: formatIpv6(g), start: a, end: e, tags: ipv6Tags(g) });
            return b;
          }
        }
        if (e - a === 17) {
          const mac = normalizeMac(text.slice(a, e));
          if (mac) {
            hits.push({ type: 'mac', value: mac, start: a, end: e });
            return b;
          }
        }
      }
    }
    if (flags & AT) return classifyEmail(a, b);
    // `ahttp:`, `key:value`: pieces of letters only cannot hold an indicator.
    if ((flags & ~(LETTER | HEXLETTER | COLON | PLUS)) === 0) return b;
    if (flags & (COLON | PLUS)) return classifyPieces(a, b);
    return classifyPiece(a, b);
  };

  /** `AS 15169` / `ASN 15169`: start of the upper-case prefix before the digits at `d`, or -1. */
  const spacedAsnPrefix = (d: number): number => {
    if (text.charCodeAt(d - 1) !== 32) return -1;
    const p = text.charCodeAt(d - 2) === 78 ? d - 4 : d - 3;
    if (p < 0 || text.charCodeAt(p) !== 65 || text.charCodeAt(p + 1) !== 83) return -1;
    return p === 0 || !isAlnumCode(text.charCodeAt(p - 1)) ? p : -1;
  };

  /** A backslash anchor: UNC path, `\REGISTRY\…`, `\Device\…`, or `HKLM\…` just before it. Returns where to resume. */
  const scanBackslash = (k: number): number => {
    const next = text.charCodeAt(k + 1);
    if (next === 92) {
      // UNC `\\server\share\…`; `\\` inside a longer path or escaped string is not a start.
      if (isAlnumCode(text.charCodeAt(k + 2)) && (k === 0 || !isAlnumCode(text.charCodeAt(k - 1)))) {
        const end = matchWindowsPath(text, k, k + 2);
        if (end > 0) hits.push({ type: 'file_path', value: text.slice(k, end), start: k, end });
      }
      return k + 2;
    }
    if ((next === 82 || next === 114) && text.slice(k, k + 10).toUpperCase() === '\\REGISTRY\\') {
      const end = matchWindowsPath(text, k, k + 10);
      if (end > 0) hits.push({ type: 'registry_key', value: text.slice(k, end), start: k, end });
      return k + 1;
    }
    if (next === 68 || next === 100) {
      // NT object path `\Device\HarddiskVolume3\…` as EDRs report image paths.
      if (
        text.slice(k, k + 8).toLowerCase() === '\\device\\' &&
        (k === 0 || !isAlnumCode(text.charCodeAt(k - 1)))
      ) {
        const end = matchWindowsPath(text, k, k + 8);
        if (end > 0) hits.push({ type: 'file_path', value: text.slice(k, end), start: k, end });
        return k + 1;
      }
    }
    // A hive name right before: `HKLM\…`, `HKEY_LOCAL_MACHINE\…` (the `HKCU:\` form arrives as a colon token).
    let hs = k;
    while (hs > 0 && k - hs < 20 && (isLetterCode(text.charCodeAt(hs - 1)) || text.charCodeAt(hs - 1) === 95))
      hs--;
    if (
      k - hs >= 3 &&
      (hs === 0 || !isAlnumCode(text.charCodeAt(hs - 1))) &&
      REGISTRY_HIVES.has(text.slice(hs, k).toUpperCase())
    ) {
      const end = matchWindowsPath(text, hs, k + 1);
      if (end > 0) hits.push({ type: 'registry_key', value: text.slice(hs, end), start: hs, end });
    }
    return k + 1;
  };

  // Every indicator holds a dot, colon, at sign, slash, backslash, hyphen or digit; a native regex jumps
  // between those anchors (pure words are never touched by JS code), and each anchor's token
  // is measured once around it. `pos` only moves forward, so the pass stays linear.
  let pos = 0;
  while (pos < n) {
    // Anchors are often close together (numbers, paths): look a few characters ahead in JS
    // before paying for a regex call.
    let k = pos;
    const near = Math.min(n, pos + NEAR_ANCHOR);
    while (k < near) {
      const d = text.charCodeAt(k);
      if (d < 128 && IS_ANCHOR[d] === 1) break;
      k++;
    }
    if (k === near) {
      if (k === n) break;
      ANCHOR.lastIndex = k;
      if (!ANCHOR.test(text)) break;
      k = ANCHOR.lastIndex - 1;
    }
    const c = text.charCodeAt(k);
    if (c === 92) {
      pos = scanBackslash(k);
      continue;
    }
    if (c === 47) {
      if (k === 0 || !isUnixPathBlocker(text.charCodeAt(k - 1))) {
        const end = matchUnixPath(text, k);
        if (end > 0) hits.push({ type: 'file_path', value: text.slice(k, end), start: k, end });
      }
      pos = k + 1;
      continue;
    }
    let a = k;
    let flags = 0;
    while (a > pos) {
      const d = text.charCodeAt(a - 1);
      const g = d < 128 ? (CLS[d] as number) : clsOf(d);
      if (g === 0) break;
      flags |= g;
      a--;
    }
    let b = k;
    while (b < n) {
      const d = text.charCodeAt(b);
      const g = d < 128 ? (CLS[d] as number) : clsOf(d);
      if (g === 0) break;
      flags |= g;
      b++;
    }
    if (isDigit(text.charCodeAt(a)) && text.charCodeAt(a - 1) === 32) {
      const asnStart = spacedAsnPrefix(a);
      if (asnStart >= 0) {
        let d = a;
        while (d < b && isDigit(text.charCodeAt(d))) d++;
        const asn = isAlnumCode(text.charCodeAt(d)) ? null : asnFromDigits(text.slice(a, d));
        if (asn) {
          hits.push({ type: 'asn', value: asn, start: asnStart, end: d });
          pos = d;
          continue;
        }
      }
    }
    if (flags === DIGIT) {
      pos = b;
      continue;
    }
    pos = Math.max(b, classifyToken(a, b, flags));
  }
  return hits;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isLocalChar = (c: number): boolean =>
  isAlnumCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isHostChar = (c: number): boolean => isAlnumCode(c) || c === 46 || c === 45;
const isUnixPathBlocker = (c: number): boolean =>
  isAlnumCode(c) || c === 47 || c === 46 || c === 95 || c === 45 || c === 126 || c === 92;

function colonCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 58) n++;
  return n;
}

function onlyHexColonDot(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!(isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 58 || c === 46)) return false;
  }
  return true;
}
