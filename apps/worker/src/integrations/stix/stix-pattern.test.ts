import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectPathText, parseStixPattern } from './parse-stix-pattern';
import { stixPatternIocs } from './stix-pattern-iocs';
import { StixPatternError, tokenizeStixPattern } from './stix-pattern-lexer';

const SHA256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f';

const iocsOf = (pattern: string) => {
  const r = stixPatternIocs(pattern);
  if (!r.ok) throw new Error(r.error);
  return r.iocs.map(({ type, value }) => `${type}:${value}`);
};

describe('stixPatternIocs', () => {
  it.each([
    ["[ipv4-addr:value = '198.51.100.7']", ['ipv4:198.51.100.7']],
    ["[ipv6-addr:value = '2001:db8::1']", ['ipv6:2001:db8::1']],
    ["[domain-name:value = 'Evil.Example.COM']", ['domain:evil.example.com']],
    ["[url:value = 'http://evil.example.com/a?b=1']", ['url:http://evil.example.com/a?b=1']],
    ["[email-addr:value = 'phish@evil.example.com']", ['email:phish@evil.example.com']],
    [`[file:hashes.'SHA-256' = '${SHA256.toUpperCase()}']`, [`sha256:${SHA256}`]],
    ["[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", ['md5:d41d8cd98f00b204e9800998ecf8427e']],
    [
      "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
      ['sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ],
    [
      "[network-traffic:dst_ref.value = '203.0.113.9' AND network-traffic:dst_port = 443]",
      ['ipv4:203.0.113.9'],
    ],
    ["[email-message:from_ref.value = 'ceo@evil.example.com']", ['email:ceo@evil.example.com']],
  ])('%s', (pattern, want) => expect(iocsOf(pattern)).toEqual(want));

  it('takes every IOC of OR, AND and FOLLOWEDBY with qualifiers', () => {
    const pattern = `([ipv4-addr:value = '198.51.100.1'] OR [file:hashes.'SHA-256' = '${SHA256}']) FOLLOWEDBY [domain-name:value IN ('a.example.org', 'b.example.org')] WITHIN 600 SECONDS START t'2024-01-01T00:00:00Z' STOP t'2024-02-01T00:00:00.5Z'`;
    expect(iocsOf(pattern)).toEqual([
      'ipv4:198.51.100.1',
      `sha256:${SHA256}`,
      'domain:a.example.org',
      'domain:b.example.org',
    ]);
  });

  it('skips negations, LIKE, ranges and CIDRs with a reason instead of guessing', () => {
    const r = stixPatternIocs(
      "[ipv4-addr:value NOT = '198.51.100.1' OR domain-name:value LIKE '%.example.org' OR ipv4-addr:value = '10.0.0.0/8']",
    );
    expect(r).toEqual({
      ok: true,
      iocs: [],
      skipped: ['ipv4-addr:value NOT =', 'domain-name:value LIKE', "ipv4-addr:value = '10.0.0.0/8'"],
    });
  });

  it('ignores properties that are not IOCs and deduplicates', () => {
    expect(
      iocsOf(
        "[file:name = 'invoice.exe' AND file:size > 1000 AND process:pid = 4] OR [ipv4-addr:value = '198.51.100.1'] OR [ipv4-addr:value = '198.51.100.1']",
      ),
    ).toEqual(['ipv4:198.51.100.1']);
  });

  it.each([
    ["[ipv4-addr:value = '1.2.3.4'", "expected ']' at offset 28"],
    ["[ipv4-addr:value = '1.2.3.4]", 'unterminated string literal at offset 19'],
    ['[ipv4-addr:value ~ 1]', "unexpected character '~' at offset 17"],
    ["ipv4-addr:value = '1.2.3.4'", "expected '[' or '(' at offset 0"],
    ["[ipv4-addr:value = '1.2.3.4'] WITHIN 0 SECONDS", 'WITHIN needs a positive number at offset 37'],
    ["[ipv4-addr:value = '1.2.3.4'] extra", 'unexpected token after the pattern at offset 30'],
    ["[x:value = t'2024-13']", 'bad timestamp literal at offset 11'],
    ['', "expected '[' or '(' at offset 0"],
  ])('rejects %j', (pattern, error) => expect(stixPatternIocs(pattern)).toEqual({ ok: false, error }));
});

describe('parseStixPattern', () => {
  it('builds the tree with the documented precedence (AND binds tighter than OR)', () => {
    const ast = parseStixPattern('[a:x = 1 OR a:y = 2 AND a:z = 3] REPEATS 5 TIMES');
    expect(ast).toMatchObject({
      kind: 'observation',
      qualifiers: [{ kind: 'repeats', times: 5 }],
      comparison: { kind: 'or', right: { kind: 'and' } },
    });
  });

  it('reads list indexes, quoted names and all literal kinds', () => {
    const ast = parseStixPattern(
      "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.5 AND file:x[0] = h'ab01' AND file:y = b'AQID' AND file:z = true AND file:w = -3]",
    );
    expect(ast.kind).toBe('observation');
    if (ast.kind !== 'observation' || ast.comparison.kind === 'comparison') throw new Error('shape');
    const first = ast.comparison.left;
    let leftmost = first;
    while (leftmost.kind !== 'comparison') leftmost = leftmost.left;
    expect(objectPathText(leftmost.path)).toBe("file:extensions.'windows-pebinary-ext'.sections[*].entropy");
    expect(leftmost.values).toEqual([{ kind: 'float', value: 7.5 }]);
  });

  it('unescapes quotes and backslashes in strings', () => {
    const tokens = tokenizeStixPattern("'it\\'s a \\\\ path'");
    expect(tokens[0]).toEqual({ kind: 'string', value: "it's a \\ path", at: 0 });
  });
});

describe('properties', () => {
  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
  const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

  it('every IPv4 and SHA-256 compared with = comes back, in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            ipv4.map((v) => ['ipv4', v]),
            hex64.map((v) => ['sha256', v]),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (items) => {
          const parts = items.map(([t, v]) =>
            t === 'ipv4' ? `[ipv4-addr:value = '${v}']` : `[file:hashes.'SHA-256' = '${v}']`,
          );
          const want = [...new Set(items.map(([t, v]) => `${t}:${v}`))];
          expect(iocsOf(parts.join(' OR '))).toEqual(want);
        },
      ),
    );
  });

  it('any string either parses or fails with StixPatternError, never another error', () => {
    const unit = fc.constantFrom(..."[]():=!<>'.,* abcxyz-019ANDORNOTINt'h'".split(''));
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((u) => u.join('')),
        (s) => {
          try {
            parseStixPattern(s);
          } catch (err) {
            expect(err).toBeInstanceOf(StixPatternError);
          }
          const r = stixPatternIocs(s);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
  });

  it('a quoted string round-trips through escaping', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const quoted = `'${s.replace(/[\\']/g, '\\$&')}'`;
        expect(tokenizeStixPattern(quoted)[0]).toEqual({ kind: 'string', value: s, at: 0 });
      }),
    );
  });
});
