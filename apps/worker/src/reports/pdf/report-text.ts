import { Font } from '@react-pdf/renderer';

// Long unbroken tokens (hashes, URLs) must wrap inside their column instead of overflowing it:
// offer a break every 24 characters and never hyphenate ordinary words.
Font.registerHyphenationCallback((word) => {
  if (word.length <= 24) return [word];
  const parts: string[] = [];
  for (let i = 0; i < word.length; i += 24) parts.push(word.slice(i, i + 24));
  return parts;
});

/** Characters outside Latin-1 that the standard fonts' WinAnsi encoding still has. */
const WIN_ANSI_EXTRAS = new Set([
  '\u2013',
  '\u2014',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2026',
  '\u20ac',
]);

/**
 * User-supplied text for the PDF: only ever a string inside <Text>, never markup. The built-in fonts
 * cover Latin-1, so other characters become '?' instead of silently vanishing; control characters
 * (other than line breaks) are dropped.
 */
export function pdfText(value: string | null | undefined, max = 5000): string {
  if (!value) return '';
  const clipped = value.length > max ? `${value.slice(0, max)}…` : value;
  let out = '';
  for (const ch of clipped) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x09) out += ch;
    else if (code < 0x20 || code === 0x7f) continue;
    else out += code <= 0xff || WIN_ANSI_EXTRAS.has(ch) ? ch : '?';
  }
  return out;
}

export function formatDateTime(value: Date | null | undefined, timeZone: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(value);
}

export function formatDate(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
  }).format(value);
}

/** `2 h 05 min`, `3 d 4 h`, `45 s`; null → "not reached". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'not reached';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 1000) / 10}%`;
}

export const humanize = (value: string) => value.replace(/_/g, ' ');
