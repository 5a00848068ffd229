import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, extractReport } from './extract';
import type { IocType } from './ioc';
import { refang } from './refang';
import { normalizeIpv6 } from './validators/ipv6';

const values = (input: unknown, type?: IocType): string[] =>
  extract(input)
    .filter((i) => type === undefined || i.type === type)
    .map((i) => i.value);

const pairs = (input: unknown): string[] => extract(input).map((i) => `${i.type}:${i.value}`);

describe('extract: ipv4', () => {
  it('finds addresses, with ports, CIDRs and sentence punctuation', () => {
    expect(values('from 8.8.8.8:53, to 1.1.1.1/32 and (9.9.9.9).', 'ipv4')).toEqual([
      '8.8.8.8',
      '1.1.1.1',
      '9.9.9.9',
    ]);
  });
  it('reads squid hierarchy fields as addresses, not user-agent versions', () => {
    expect(values('TCP_TUNNEL/200 HIER_DIRECT/104.21.55.10 -', 'ipv4')).toEqual(['104.21.55.10']);
  });
  it('reads version fields of JSON alerts as versions', () => {
    expect(values({ agent_version: '7.18.181.0', host: { ip: '7.18.181.0' } }, 'ipv4')).toEqual([
      '7.18.181.0',
    ]);
    expect(extract({ agent_version: '7.18.181.0' })).toEqual([]);
  });
  it('tags rather than drops special ranges', () => {
    const [ioc] = extract('host 192.168.1.10 only');
    expect(ioc).toMatchObject({ type: 'ipv4', value: '192.168.1.10', tags: ['private'] });
  });
  it.each([
    ['256.1.1.1', 'out of range: no partial 56.1.1.1'],
    ['1.2.3.4.5', 'five parts'],
    ['version 1.2.3.4', 'version number'],
    ['Version: 10.0.19041.1', 'version number with colon'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0.0.0 Safari/537.36',
      'user agent',
    ],
    ['build=4.18.2.100', 'build key'],
    ['Safari/537.36 Edg/124.0.2478.51', 'user agent product'],
    ['v1.2.3.4', 'v prefix'],
    ['1.2.3', 'three parts'],
  ])('does not extract %s (%s)', (text) => expect(values(text, 'ipv4')).toEqual([]));
});

describe('extract: ipv6', () => {
  it('finds and normalizes per RFC 5952', () => {
    expect(values('src 2001:0DB8:0000:0000:0000:0000:0000:0001 and [fe80::1]:443', 'ipv6')).toEqual([
      '2001:db8::1',
      'fe80::1',
    ]);
  });
  it('tags loopback', () => {
    expect(extract('listening on ::1 only')[0]).toMatchObject({ value: '::1', tags: ['loopback'] });
  });
  it.each(['12:34:56', 'std::cout', 'a::b', 'de:ad:be:ef', 'Class::Method'])('does not extract %s', (t) =>
    expect(values(t, 'ipv6')).toEqual([]),
  );
});

describe('extract: domain', () => {
  it('finds domains under IANA TLDs, lower-cased, without trailing dot', () => {
    expect(values('Resolved Evil-Site.COM. and cdn.example.co.uk;', 'domain')).toEqual([
      'evil-site.com',
      'cdn.example.co.uk',
    ]);
  });
  it('keeps country domains whose TLD is also a script extension', () => {
    expect(values('shop at allegro.pl and abused-free.ml', 'domain')).toEqual([
      'allegro.pl',
      'abused-free.ml',
    ]);
  });
  it('finds hyphenated names that start like a CVE id', () => {
    expect(values('cdn-host.me and cve-portal.com', 'domain')).toEqual(['cdn-host.me', 'cve-portal.com']);
  });
  it('reports a URL host and an email domain as domains', () => {
    expect(values('https://Files.Evil.net/a and ops@Corp.IO', 'domain')).toEqual([
      'files.evil.net',
      'corp.io',
    ]);
  });
  it.each([
    ['update.zip', 'file extension TLD'],
    ['ran run.py then', 'file extension TLD'],
    ['Invoice_88213.one', 'underscore file name'],
    ['C:\\Users\\bob\\Downloads\\report.zip', 'path component'],
    ['/tmp/payload.sh', 'path component'],
    ['fname=setup.app', 'file-name key'],
    ['scan.pdf.zip', 'double extension'],
    ['server.local printer.lan svc.corp', 'non-IANA TLD'],
    ['cmd.exe svchost.exe kernel32.dll', 'not TLDs'],
    ['München.de', 'IDN is not cut'],
  ])('does not extract %s (%s)', (text) => expect(values(text, 'domain')).toEqual([]));
  it('skips a percent escape before a name', () => {
    expect(values('https://x.web.app/v?u=a.smith%40contoso.com', 'domain')).toEqual([
      'x.web.app',
      'contoso.com',
    ]);
  });
  it('still reads a registry host in an image field', () => {
    expect(values({ image: 'docker.io/library/nginx:1.27' }, 'domain')).toEqual(['docker.io']);
  });
  it('does not report file-name JSON fields as domains', () => {
    expect(
      values({ file: { name: 'invoice.zip' }, FileName: 'setup.app', process: { name: 'x.py' } }, 'domain'),
    ).toEqual([]);
  });
  it('still reports a .zip domain in a URL', () => {
    expect(values('hxxps://download[.]zip/x', 'domain')).toEqual(['download.zip']);
  });
});

describe('extract: url', () => {
  it.each([
    ['see https://evil.com/a?b=1.', 'https://evil.com/a?b=1'],
    ['(see https://evil.com/a)', 'https://evil.com/a'],
    ['https://en.wikipedia.org/wiki/Foo_(bar) is balanced', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['"http://evil.com/x"', 'http://evil.com/x'],
    ["DownloadString('http://evil.com/p.ps1')", 'http://evil.com/p.ps1'],
    ['HTTPS://EVIL.COM/Path/To', 'https://evil.com/Path/To'],
    ['hxxp://evil[.]com[/]gate.php', 'http://evil.com/gate.php'],
    ['<http://evil.com/x>', 'http://evil.com/x'],
    ['http://[2001:db8::1]:8080/x', 'http://[2001:db8::1]:8080/x'],
    ['ftp://user:pw@files.evil.net/a!', 'ftp://user:pw@files.evil.net/a'],
  ])('%s -> %s', (text, url) => expect(values(text, 'url')).toEqual([url]));
  it('reports an IP host as an IP', () => {
    expect(pairs('http://203.0.113.5:8080/x')).toEqual(['url:http://203.0.113.5:8080/x', 'ipv4:203.0.113.5']);
  });
  it('stops at typographic quotes and ideographic punctuation', () => {
    expect(values('see \u201chttps://evil.com/a\u201d and https://evil.com/b\u3002', 'url')).toEqual([
      'https://evil.com/a',
      'https://evil.com/b',
    ]);
  });
  it.each(['http://', 'mailto:x', 'notascheme://evil.com', 'http://-/'])('does not extract %s', (t) =>
    expect(values(t, 'url')).toEqual([]),
  );
});

describe('extract: email', () => {
  it('finds addresses and lower-cases only the domain', () => {
    expect(values('From: John.Doe+tag@Example.COM; mailto:ops@corp.io', 'email')).toEqual([
      'John.Doe+tag@example.com',
      'ops@corp.io',
    ]);
  });
  it('keeps = in bounce addresses but not in key=value pairs', () => {
    expect(
      values(
        'Return-Path: <bounce+srs=abc@mailer.example.com> suser=bob@corp.io SRS0=HHH=TT=example.org=alice@fwd.example.net',
        'email',
      ),
    ).toEqual([
      'bounce+srs=abc@mailer.example.com',
      'bob@corp.io',
      'SRS0=HHH=TT=example.org=alice@fwd.example.net',
    ]);
  });
  it('reads message ids as domains, not mailboxes', () => {
    expect(pairs('Message-ID: <20261122.ABC@mta.example.com>')).toEqual(['domain:mta.example.com']);
    expect(pairs({ messageID: '<x1@mta.example.com>' })).toEqual(['domain:mta.example.com']);
  });
  it.each(['user@localhost', 'a@b', '@evil.com', 'user@file.exe'])('does not extract %s', (t) =>
    expect(values(t, 'email')).toEqual([]),
  );
});

describe('extract: hashes', () => {
  const md5 = '44d88612fea8a8f36de82e1278abb02f';
  const sha1 = '3395856ce81f2b7382dee72602f798b642f14140';
  const sha256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
  it('types by length and lower-cases', () => {
    expect(pairs(`${md5.toUpperCase()} sha1:${sha1} sha256=${sha256}`)).toEqual([
      `md5:${md5}`,
      `sha1:${sha1}`,
      `sha256:${sha256}`,
    ]);
  });
  it('finds sha512', () => {
    expect(values(`${sha256}${sha256}`, 'sha512')).toEqual([`${sha256}${sha256}`]);
  });
  it('finds a hash used as a file name', () => {
    expect(values(`C:\\Temp\\${md5}.exe`, 'md5')).toEqual([md5]);
  });
  it.each([
    [`${md5}ab`, 'a longer hex run is not split'],
    [`${sha256}${md5}`, '96 hex'],
    [`x${md5}`, 'glued to a letter'],
    ['0123456789012345678901234567890123456789', 'all digits'],
    ['d2a84f4b-8b65-4a4c-9f26-1c2a3e5f6b7d', 'GUID'],
  ])('does not extract %s (%s)', (text) =>
    expect(extract(text).filter((i) => i.type.startsWith('sha') || i.type === 'md5')).toEqual([]),
  );
  it('does not report identifier fields as hashes', () => {
    expect(extract({ device_id: md5, cid: md5, 'kibana.alert.uuid': sha256, sha256 })).toEqual([
      expect.objectContaining({
        type: 'sha256',
        value: sha256,
        locations: [{ path: 'sha256', start: 0, end: 64 }],
      }),
    ]);
  });
});

describe('extract: cve, technique, asn, mac, btc, ssdeep', () => {
  it('finds CVEs upper-cased', () => {
    expect(values('patch cve-2021-44228 and CVE-2017-0144.', 'cve')).toEqual([
      'CVE-2021-44228',
      'CVE-2017-0144',
    ]);
  });
  it('finds ATT&CK techniques only when they exist', () => {
    const iocs = extract('T1059.001 t1003 T9999 T1059.999');
    expect(iocs.map((i) => i.value)).toEqual(['T1059.001', 'T1003']);
    expect(iocs[0]).toMatchObject({ name: 'PowerShell', tactics: ['execution'] });
  });
  it('finds ASNs', () => {
    expect(values('AS15169, ASN 13335 and AS-SET as 2020', 'asn')).toEqual(['AS15169', 'AS13335']);
    expect(values('origin AS 64500.', 'asn')).toEqual(['AS64500']);
    expect(values({ source: { as: { number: 16509 } } }, 'asn')).toEqual(['AS16509']);
  });
  it('finds MACs in three notations', () => {
    expect(values('CC-71-55-7F-C2-3A', 'mac')).toEqual(['cc:71:55:7f:c2:3a']);
    expect(values('AA-BB-CC-DD-EE-FF 00:50:56:a4:1b:2c 0050.56a4.1b2d', 'mac')).toEqual([
      'aa:bb:cc:dd:ee:ff',
      '00:50:56:a4:1b:2c',
      '00:50:56:a4:1b:2d',
    ]);
  });
  it('finds checksum-valid BTC addresses only', () => {
    expect(
      values('pay 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy or 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz', 'btc'),
    ).toEqual(['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy']);
  });
  it('finds ssdeep digests', () => {
    const h =
      '96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO';
    expect(values(`fuzzy ${h} end`, 'ssdeep')).toEqual([h]);
  });
});

describe('extract: paths and registry keys', () => {
  it.each([
    ['run C:\\Program Files (x86)\\Evil Corp\\bad.exe -q', 'C:\\Program Files (x86)\\Evil Corp\\bad.exe'],
    ['"C:\\Users\\bob\\AppData\\Roaming\\x.dll",Start', 'C:\\Users\\bob\\AppData\\Roaming\\x.dll'],
    ['copy \\\\fileserver\\share$\\drop\\a.ps1 now', '\\\\fileserver\\share$\\drop\\a.ps1'],
    ['cat /etc/shadow; ls', '/etc/shadow'],
    ['wrote /tmp/.x/payload.sh.', '/tmp/.x/payload.sh'],
    [
      '\\Device\\HarddiskVolume3\\Windows\\System32\\mshta.exe',
      '\\Device\\HarddiskVolume3\\Windows\\System32\\mshta.exe',
    ],
    ['ran C:/Users/bob/AppData/x.exe now', 'C:/Users/bob/AppData/x.exe'],
  ])('%s -> %s', (text, path) => expect(values(text, 'file_path')).toEqual([path]));
  it.each([
    [
      'reg add HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v x',
      'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run',
    ],
    [
      'HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command',
      'HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command',
    ],
    ['Set-ItemProperty HKCU:\\Environment -Name x', 'HKCU:\\Environment'],
    [
      '\\REGISTRY\\MACHINE\\SYSTEM\\CurrentControlSet\\Services\\evil',
      '\\REGISTRY\\MACHINE\\SYSTEM\\CurrentControlSet\\Services\\evil',
    ],
    [
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon',
    ],
  ])('%s -> %s', (text, key) => expect(values(text, 'registry_key')).toEqual([key]));
  it('does not run one key into the next across prose', () => {
    expect(values('HKLM\\Software\\Run\\x in the queue HKCU\\Software\\y', 'registry_key')).toEqual([
      'HKLM\\Software\\Run\\x',
      'HKCU\\Software\\y',
    ]);
    expect(values('C:\\Temp\\a was seen with the other thing\\b', 'file_path')).toEqual(['C:\\Temp\\a']);
  });
  it.each(['2>/dev/null', 'a/etc/passwd', 'https://x.com/etc/passwd', 'C:\\', 'and/or'])(
    'no path in %s',
    (t) => expect(values(t, 'file_path')).toEqual([]),
  );
});

describe('extract: locations and de-duplication', () => {
  it('gives spans in the original (defanged) text', () => {
    const text = 'c2 at evil[.]com and again evil[.]com';
    const [ioc] = extract(text);
    expect(ioc?.locations.map((l) => text.slice(l.start, l.end))).toEqual(['evil[.]com', 'evil[.]com']);
  });
  it('gives JSON field paths with spans inside the field', () => {
    const alert = {
      process: { parent: { command_line: 'cmd /c ping 10.0.0.1' } },
      hosts: [{ ip: '10.0.0.1' }],
    };
    expect(extract(alert)).toEqual([
      {
        type: 'ipv4',
        value: '10.0.0.1',
        tags: ['private'],
        locations: [
          { path: 'process.parent.command_line', start: 12, end: 20 },
          { path: 'hosts[0].ip', start: 0, end: 8 },
        ],
      },
    ]);
  });
  it('filters by type', () => {
    expect(extract('8.8.8.8 evil.com', { types: ['domain'] }).map((i) => i.type)).toEqual(['domain']);
  });
});

describe('extract: robustness', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => void extract(s)),
      { numRuns: 300 },
    );
  });
  it('never throws on IOC-ish character soup, and every span refangs to something containing its value', () => {
    const unit = fc.constantFrom(...'0123456789abcdefABCDEF.:-_@/\\[](){}hxtps ASCVEThklm,;'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (s) => {
        for (const ioc of extract(s)) {
          for (const loc of ioc.locations) {
            expect(loc.start).toBeLessThanOrEqual(loc.end);
            expect(loc.end).toBeLessThanOrEqual(s.length);
            if (ioc.type === 'ipv4' || ioc.type === 'cve' || ioc.type === 'md5') {
              expect(refang(s.slice(loc.start, loc.end)).toUpperCase()).toContain(ioc.value.toUpperCase());
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
  it('normalization is idempotent: re-extracting a reported value reports it unchanged', () => {
    const mac = fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 })
      .map((b) => b.map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('-'));
    const source = fc.oneof(fc.ipV4(), fc.ipV6(), fc.webUrl(), fc.emailAddress(), fc.domain(), mac);
    fc.assert(
      fc.property(source, (raw) => {
        for (const ioc of extract(`seen ${raw} today`)) {
          if (ioc.type === 'file_path') continue;
          // Bare `a.ps` reads as a file name; a host keeps its meaning inside a URL.
          const context = ioc.type === 'domain' ? `http://${ioc.value}/` : ioc.value;
          const again = extract(context).find((i) => i.type === ioc.type);
          expect(again?.value).toBe(ioc.value);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('finds generated IPv4 and IPv6 values in running text', () => {
    fc.assert(
      // Digit-free addresses (`::`, `dead:beef::cafe`) are not taken from prose: they read as code.
      fc.property(
        fc.ipV4(),
        fc.ipV6().filter((v) => /\d/.test(v)),
        (v4, v6) => {
          const found = values(`a ${v4} b ${v6} c`);
          expect(found).toContain(v4.split('.').map(Number).join('.'));
          expect(found).toContain(normalizeIpv6(v6));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void extract(v)),
      { numRuns: 300 },
    );
  });
  it('stops at the depth limit with a warning, and survives cycles', () => {
    let deep: unknown = '8.8.8.8';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(extractReport(deep, { maxDepth: 10 })).toEqual({
      iocs: [],
      warnings: ['JSON nested deeper than 10 levels was not examined'],
    });
    const cyclic: Record<string, unknown> = { ip: '8.8.4.4' };
    cyclic.self = cyclic;
    expect(values(cyclic)).toEqual(['8.8.4.4']);
  });
  it.each([
    ['dots', '.'.repeat(1 << 20)],
    ['digits', '1'.repeat(1 << 20)],
    ['a.a.a', 'a.'.repeat(1 << 19)],
    ['defanged dots', 'a[.]'.repeat(1 << 18)],
    ['hex', 'a1'.repeat(1 << 19)],
    ['colons', '1:'.repeat(1 << 19)],
    ['dotted quads', '1.1.1.1.'.repeat(1 << 17)],
    ['url', `http://${'a.'.repeat(1 << 19)}`],
    ['path', `C:\\${'a \\'.repeat(1 << 18)}`],
    ['brackets', '(['.repeat(1 << 19)],
  ])('terminates on 1 MB of %s', (_name, input) => {
    expect(Array.isArray(extract(input))).toBe(true);
  });
});

describe('extract: the unspecified IPv6 address', () => {
  it('is not an indicator, however it is written (found by the idempotence property: 0:: reported as ::)', () => {
    expect(extract('seen 0:: and 0:0:0:0:0:0:0:0 and :: today').filter((i) => i.type === 'ipv6')).toEqual([]);
  });
});
