export type OutboundCheck = { ok: true; url: URL } | { ok: false; reason: string };

// No node:net, so the editor can run the same checks in the browser.
const IPV4_RE = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

const V4_BLOCKED: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4Range(ip: string): string | undefined {
  const n = ipv4ToInt(ip);
  for (const [base, bits, label] of V4_BLOCKED) {
    const size = 2 ** (32 - bits);
    const start = ipv4ToInt(base);
    if (n >= start && n < start + size) return label;
  }
  return undefined;
}

function expandV6(ip: string): number[] | undefined {
  let text = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const n = ipv4ToInt(v4[1]);
    text = `${text.slice(0, -v4[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...t].map((g) =>
    Number.parseInt(g, 16),
  );
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : undefined;
}

function v6Range(ip: string): string | undefined {
  const g = expandV6(ip);
  if (!g) return 'unparseable';
  const [a = 0, b = 0, , , , f = 0, gg = 0, h = 0] = g;
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && h === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach IPv4 hosts: judge the embedded address.
  if (g.slice(0, 5).every((x) => x === 0) && f === 0xffff)
    return v4Range(`${gg >> 8}.${gg & 255}.${h >> 8}.${h & 255}`);
  if (a === 0x64 && b === 0xff9b) return v4Range(`${gg >> 8}.${gg & 255}.${h >> 8}.${h & 255}`);
  if ((a & 0xfe00) === 0xfc00) return 'unique local';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  return undefined;
}

/**
 * Names the non-public range an IP literal falls in, or undefined for a public address. The worker must also
 * call this on the addresses a host name resolves to, or DNS can point an allowed name at 127.0.0.1.
 */
export function privateRange(ip: string): string | undefined {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (IPV4_RE.test(bare)) return v4Range(bare);
  if (bare.includes(':') && /^[0-9a-f:.]+$/i.test(bare) && expandV6(bare)) return v6Range(bare);
  return undefined;
}

function hostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((pattern) => {
    const p = pattern.toLowerCase().replace(/\.$/, '');
    if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
    return host === p || host === `[${p}]`;
  });
}

/**
 * Whether the http.request action may call `url` for a tenant whose allow-list is `allowedHosts`
 * (exact host names or `*.domain` wildcards). Private, loopback and link-local targets are refused unless
 * that exact address or name is itself on the list.
 */
export function checkOutboundUrl(url: string, allowedHosts: readonly string[]): OutboundCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid absolute URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, reason: `scheme ${parsed.protocol} is not allowed (http and https only)` };
  }
  if (parsed.username || parsed.password)
    return { ok: false, reason: 'credentials in the URL are not allowed' };
  // WHATWG parsing already turned 2130706433, 0x7f.1 and 0177.0.0.1 into dotted IPv4.
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (!hostAllowed(host, allowedHosts))
    return { ok: false, reason: `host ${host} is not in the tenant's allowed hosts` };
  const range = privateRange(host);
  const localName = host === 'localhost' || host.endsWith('.localhost');
  if ((range || localName) && !allowedHosts.some((p) => p.toLowerCase() === host || `[${p}]` === host)) {
    return { ok: false, reason: `host ${host} is in a ${range ?? 'loopback'} range` };
  }
  return { ok: true, url: parsed };
}
