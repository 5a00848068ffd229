import { createHash } from 'node:crypto';
import { formatIpv6 } from '@palisade/ioc/ipv6';
import attack from '../../packages/ioc/data/attack-enterprise.json' with { type: 'json' };
import type { Prng } from './prng';

/** An indicator as planted in a document: how it is written and what a correct extractor reports. */
export interface Planted {
  text: string;
  truth: Array<{ type: string; value: string }>;
}

const TLDS = [
  'com',
  'net',
  'org',
  'io',
  'ru',
  'cn',
  'xyz',
  'top',
  'info',
  'biz',
  'co.uk',
  'de',
  'site',
  'online',
  'club',
  'app',
  'cloud',
  'me',
  'tk',
];
const SYLLABLES = [
  'cdn',
  'update',
  'secure',
  'login',
  'mail',
  'sync',
  'data',
  'cloud',
  'api',
  'portal',
  'files',
  'edge',
  'host',
  'net',
  'web',
  'dl',
  'micro',
  'soft',
  'share',
  'box',
  'track',
  'pay',
  'auth',
  'docs',
];
const WORDS = [
  'invoice',
  'report',
  'setup',
  'payload',
  'agent',
  'loader',
  'stage',
  'config',
  'beacon',
  'svc',
  'helper',
  'patch',
];
const EXTS = [
  'exe',
  'dll',
  'ps1',
  'bat',
  'vbs',
  'js',
  'hta',
  'docm',
  'xlsm',
  'lnk',
  'iso',
  'msi',
  'bin',
  'sh',
  'py',
];

export function label(r: Prng): string {
  let s = r.pick(SYLLABLES);
  if (r.chance(0.6)) s += (r.chance(0.3) ? '-' : '') + r.pick(SYLLABLES);
  if (r.chance(0.3)) s += r.int(1, 99);
  return s;
}

export function domainName(r: Prng): string {
  const parts = [label(r)];
  if (r.chance(0.4)) parts.unshift(label(r));
  return `${parts.join('.')}.${r.pick(TLDS)}`;
}

export function publicIpv4(r: Prng): string {
  for (;;) {
    const a = r.int(1, 223);
    if ([10, 100, 127, 169, 172, 192, 198, 203].includes(a)) continue;
    return `${a}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }
}

export function privateIpv4(r: Prng): string {
  return r.pick([
    `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
    `192.168.${r.int(0, 255)}.${r.int(1, 254)}`,
    `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  ]);
}

export function ipv4(r: Prng): string {
  return r.chance(0.3) ? privateIpv4(r) : publicIpv4(r);
}

export function ipv6(r: Prng): Planted {
  const groups = [
    0x2001,
    r.int(0x0400, 0xffff),
    r.int(0, 0xffff),
    0,
    0,
    r.chance(0.5) ? 0 : r.int(1, 0xffff),
    r.int(0, 0xffff),
    r.int(1, 0xffff),
  ];
  const value = formatIpv6(groups);
  const text = r.chance(0.5) ? value : groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
  return { text: r.chance(0.2) ? text.toUpperCase() : text, truth: [{ type: 'ipv6', value }] };
}

export function hash(r: Prng, type: 'md5' | 'sha1' | 'sha256' | 'sha512'): Planted {
  const len = { md5: 32, sha1: 40, sha256: 64, sha512: 128 }[type];
  const value = r.hex(len);
  return { text: r.chance(0.15) ? value.toUpperCase() : value, truth: [{ type, value }] };
}

export function url(r: Prng, defang: boolean): Planted {
  const useIp = r.chance(0.15);
  const host = useIp ? publicIpv4(r) : domainName(r);
  const scheme = r.pick(['http', 'https', 'https']);
  let path = '';
  const depth = r.int(0, 3);
  for (let i = 0; i < depth; i++) path += `/${r.pick([...SYLLABLES, ...WORDS])}`;
  if (r.chance(0.5)) path += `/${r.pick(WORDS)}.${r.pick(['php', 'html', 'aspx', 'js', 'exe', 'zip'])}`;
  if (r.chance(0.3)) path += `?id=${r.int(1, 99999)}&t=${r.pick(SYLLABLES)}`;
  const port = r.chance(0.1) ? `:${r.pick([8080, 8443, 4444, 443])}` : '';
  const value = `${scheme}://${host}${port}${path || '/'}`;
  let text = value;
  if (defang) {
    text = text.replace(/^http/, 'hxxp').replace(/\./, r.pick(['[.]', '(.)', '[dot]']));
    if (r.chance(0.3)) text = text.replace('://', '[://]');
  }
  return {
    text,
    truth: [
      { type: 'url', value },
      { type: useIp ? 'ipv4' : 'domain', value: host },
    ],
  };
}

export function domain(r: Prng, defang: boolean): Planted {
  const value = domainName(r);
  const text = defang ? value.replace(/\.(?=[^.]+$)/, r.pick(['[.]', '(.)', '[dot]'])) : value;
  return { text, truth: [{ type: 'domain', value }] };
}

export function email(r: Prng, defang: boolean): Planted {
  const d = domainName(r);
  const local = `${r.pick(['john', 'a.smith', 'billing', 'it-support', 'ceo', 'noreply'])}${r.chance(0.3) ? r.int(1, 99) : ''}`;
  const text = defang ? `${local}[at]${d.replace(/\.(?=[^.]+$)/, '[.]')}` : `${local}@${d}`;
  return {
    text,
    truth: [
      { type: 'email', value: `${local}@${d}` },
      { type: 'domain', value: d },
    ],
  };
}

export function cve(r: Prng): Planted {
  const value = `CVE-${r.int(2010, 2026)}-${r.int(1000, 52000)}`;
  return { text: r.chance(0.2) ? value.toLowerCase() : value, truth: [{ type: 'cve', value }] };
}

export function technique(r: Prng): Planted {
  const t = r.pick(attack.techniques);
  return { text: t.id, truth: [{ type: 'mitre_technique', value: t.id }] };
}

export function mac(r: Prng): Planted {
  const b = [...r.bytes(6)].map((x) => x.toString(16).padStart(2, '0'));
  const value = b.join(':');
  const text = r.pick([value, b.join('-').toUpperCase(), value.toUpperCase()]);
  return { text, truth: [{ type: 'mac', value }] };
}

export function asn(r: Prng): Planted {
  const n = r.int(100, 400000);
  return { text: r.chance(0.7) ? `AS${n}` : `ASN${n}`, truth: [{ type: 'asn', value: `AS${n}` }] };
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    s = `1${s}`;
  }
  return s;
}

export function btc(r: Prng): Planted {
  const payload = new Uint8Array(21);
  payload[0] = r.chance(0.5) ? 0 : 5;
  payload.set(r.bytes(20), 1);
  const sha = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
  const check = sha(sha(payload)).subarray(0, 4);
  const value = base58(Uint8Array.from([...payload, ...check]));
  return { text: value, truth: [{ type: 'btc', value }] };
}

export function windowsPath(r: Prng): Planted {
  const user = r.pick(['bob', 'j.doe', 'admin', 'svc_sql']);
  const dir = r.pick([
    `C:\\Users\\${user}\\AppData\\Local\\Temp`,
    `C:\\Users\\${user}\\AppData\\Roaming\\${r.pick(WORDS)}`,
    'C:\\ProgramData',
    'C:\\Windows\\Temp',
    `C:\\Users\\${user}\\Downloads`,
    'C:\\Program Files\\Common Files',
  ]);
  const value = `${dir}\\${r.pick(WORDS)}${r.int(1, 99)}.${r.pick(EXTS)}`;
  return { text: value, truth: [{ type: 'file_path', value }] };
}

export function unixPath(r: Prng): Planted {
  const value = `${r.pick(['/tmp', '/var/tmp', '/dev/shm', '/etc/cron.d', '/home/ubuntu/.cache', '/usr/local/bin'])}/${r.pick(WORDS)}${r.chance(0.5) ? `.${r.pick(['sh', 'elf', 'so', 'py'])}` : ''}`;
  return { text: value, truth: [{ type: 'file_path', value }] };
}

export function registryKey(r: Prng): Planted {
  const value = r.pick([
    `HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\${r.pick(WORDS)}`,
    `HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce`,
    `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${r.pick(WORDS)}${r.int(1, 9)}`,
    `HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command`,
  ]);
  return { text: value, truth: [{ type: 'registry_key', value }] };
}

export function ssdeep(r: Prng): Planted {
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const part = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += r.pick(b64.split(''));
    return s;
  };
  const value = `${3 * 2 ** r.int(3, 12)}:${part(r.int(20, 60))}:${part(r.int(10, 30))}`;
  return { text: value, truth: [{ type: 'ssdeep', value }] };
}

/** Things that look like indicators and are not: every one is a documented false-positive trap. */
export function distractor(r: Prng): string {
  const v = () => `${r.int(1, 130)}.${r.int(0, 9)}.${r.int(0, 9999)}.${r.int(0, 999)}`;
  return r.pick([
    `version ${v()}`,
    `Chrome/${r.int(90, 130)}.0.${r.int(1000, 6999)}.${r.int(10, 200)}`,
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${r.int(100, 130)}.0.0.0 Safari/537.36`,
    `${r.pick(WORDS)}.${r.pick(['zip', 'py', 'sh', 'mov'])}`,
    `${r.pick(['Invoice', 'Scan', 'Order'])}_${r.int(1000, 99999)}.one`,
    `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`,
    `${r.int(0, 23)}:${r.int(10, 59)}:${r.int(10, 59)}`,
    `${r.int(256, 999)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)}`,
    `1.3.6.1.4.1.${r.int(100, 50000)}.${r.int(1, 9)}`,
    r.hex(96),
    `build ${v()}`,
    `${r.pick(WORDS)}.${r.pick(['exe', 'dll', 'log', 'tmp'])}`,
    `server${r.int(1, 20)}.corp.local`,
  ]);
}
