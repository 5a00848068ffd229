/** A small deterministic PRNG (mulberry32): the same seed gives the same alert stream. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RULES = [
  'Brute force',
  'Suspicious PowerShell',
  'Malware download',
  'C2 beacon',
  'Impossible travel',
  'Port scan',
];

/**
 * EDR/SIEM-like JSON alerts (generic shape the auto mapper reads): a rule, a host, a user, a source
 * IP and a URL/hash in the message, drawn so that grouping (rule + host) and artifact reuse happen
 * at realistic rates: 40 hosts and 200 external IPs per tenant.
 */
export function alertStream(tenantIndex: number) {
  const rnd = prng(1000 + tenantIndex);
  let n = 0;
  return (): Record<string, unknown> => {
    n += 1;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const host = `t${tenantIndex}-host-${Math.floor(rnd() * 40)}`;
    const ip = `198.51.${Math.floor(rnd() * 4)}.${Math.floor(rnd() * 50)}`;
    const domain = `cdn${Math.floor(rnd() * 100)}.bad-example-${tenantIndex % 3}.com`;
    const hash = Math.floor(rnd() * 2 ** 32)
      .toString(16)
      .padStart(8, '0')
      .repeat(8);
    return {
      id: `t${tenantIndex}-${n}-${Math.floor(rnd() * 1e9)}`,
      title: pick(RULES),
      rule_name: pick(RULES),
      severity: pick(['low', 'medium', 'high', 'critical']),
      host,
      user: `user${Math.floor(rnd() * 30)}`,
      src_ip: ip,
      message: `process on ${host} contacted https://${domain}/p/${n} from ${ip}; file sha256 ${hash}`,
      timestamp: new Date().toISOString(),
    };
  };
}
