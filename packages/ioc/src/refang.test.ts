import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refang, refangWithOffsets } from './refang';

describe('refang', () => {
  it.each([
    ['hxxps://evil[.]com/a', 'https://evil.com/a'],
    ['hXXp://evil(.)com', 'http://evil.com'],
    ['hxxp[:]//evil{.}com[/]path', 'http://evil.com/path'],
    ['http[://]example.com', 'http://example.com'],
    ['evil[dot]com evil(dot)com evil{dot}com evil[DOT]com', 'evil.com evil.com evil.com evil.com'],
    ['bob[at]corp[dot]io', 'bob@corp.io'],
    ['bob(at)corp.io bob[@]corp.io', 'bob@corp.io bob@corp.io'],
    ['evil [.] com and bob [at] corp [dot] io', 'evil.com and bob@corp.io'],
    ['evil[ . ]com', 'evil.com'],
    ['1.1.1[.1 and evil.]com', '1.1.1.1 and evil.com'],
    ['evil\\.example\\.com', 'evil.example.com'],
    ['fxp://files[.]evil[.]net', 'ftp://files.evil.net'],
    ['plain text', 'plain text'],
  ])('refang(%s) = %s', (raw, want) => expect(refang(raw)).toBe(want));

  it.each([
    // A path's `\.` is a directory, not an escaped dot.
    ['C:\\Users\\bob\\.ssh\\id_rsa', 'C:\\Users\\bob\\.ssh\\id_rsa'],
    // `hxxp` inside a word is not a scheme.
    ['ahxxp://x', 'ahxxp://x'],
    // IPv6 literals in brackets are not defanged colons.
    ['[::1]:8080 [fe80::1]', '[::1]:8080 [fe80::1]'],
    ['array[0] (a) {b}', 'array[0] (a) {b}'],
  ])('leaves %s alone', (raw, want) => expect(refang(raw)).toBe(want));

  it('maps refanged spans back to the original text', () => {
    const raw = 'go to hxxps://evil[.]com/a now';
    const r = refangWithOffsets(raw);
    const start = r.text.indexOf('https');
    const end = r.text.indexOf(' now');
    expect(r.text.slice(start, end)).toBe('https://evil.com/a');
    const span = r.toOriginal(start, end);
    expect(raw.slice(span.start, span.end)).toBe('hxxps://evil[.]com/a');
  });

  it('never throws and maps every span inside the original', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            '.',
            '[',
            ']',
            '(',
            ')',
            'x',
            'h',
            'p',
            ' ',
            '\\',
            'd',
            'o',
            't',
            '@',
            ':',
            '/',
          ),
        }),
        (s) => {
          const r = refangWithOffsets(s);
          let previousEnd = 0;
          for (let i = 0; i <= r.text.length; i++) {
            const span = r.toOriginal(0, i);
            expect(span.start).toBe(0);
            // A longer refanged prefix never maps to a shorter original one.
            expect(span.end).toBeGreaterThanOrEqual(previousEnd);
            expect(span.end).toBeLessThanOrEqual(s.length);
            previousEnd = span.end;
          }
        },
      ),
    );
  });

  it('is the identity on text without defang markers and inverts common defanging', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 2, maxLength: 4 }),
        fc.constantFrom('[.]', '(.)', '{.}', '[dot]', ' [.] '),
        (labels, dot) => {
          const host = labels.join('.');
          expect(refang(host)).toBe(host);
          expect(refang(`hxxps://${labels.join(dot)}/x`)).toBe(`https://${host}/x`);
          // Refanging what is already refanged changes nothing.
          expect(refang(refang(labels.join(dot)))).toBe(host);
        },
      ),
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void refang(s)));
  });
});
