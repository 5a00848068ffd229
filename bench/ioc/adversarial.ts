/** Inputs built to hurt backtracking regexes and naive scanners, each repeated to `bytes`. */
export const ADVERSARIAL_PATTERNS: Record<string, string> = {
  dots: '.',
  digits: '1',
  'a.a.a…': 'a.',
  'dotted digits': '1.',
  '[.] repeats': 'a[.]',
  'hex run': '0123456789abcdef',
  colons: 'a1:',
  'at signs': 'a@',
  hyphens: 'a-',
  'url body': 'http://a',
  'windows path spaces': 'C:\\a b\\',
  brackets: '([{',
  'backslash dots': 'a\\.',
  hxxp: 'hxxp',
};

export function adversarial(pattern: string, bytes: number): string {
  return pattern.repeat(Math.ceil(bytes / pattern.length)).slice(0, bytes);
}
