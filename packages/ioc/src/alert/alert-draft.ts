import { hashType, hashTypeForLength } from '../validators/hash';
import { parseIpv4 } from '../validators/ipv4';
import { normalizeIpv6 } from '../validators/ipv6';
import { lookupTechnique } from '../validators/mitre-technique';
import type { MapperName } from './mapper-name';
import { type SeverityLevel, severityFrom } from './severity';
import type { HashType, StandardAlert } from './standard-alert';

/** Parses the many time formats sources use into ISO 8601, or null. */
export function toIsoTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  let d: Date;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds, milliseconds or microseconds since the epoch.
    d = new Date(value > 1e14 ? value / 1000 : value > 1e11 ? value : value * 1000);
  } else if (typeof value === 'string') {
    const t = value.trim();
    if (/^\d{9,16}(\.\d+)?$/.test(t)) return toIsoTime(Number(t));
    d = new Date(t);
  } else return null;
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Values sources write for "no value". */
const PLACEHOLDERS = new Set(['-', 'n/a', 'na', 'null', 'none', 'unknown', '(null)']);

function normalizeIp(value: string): string | null {
  const v = value.trim();
  const v4 = parseIpv4(v);
  if (v4) return v4.join('.');
  const zone = v.indexOf('%');
  const bare = zone >= 0 ? v.slice(0, zone) : v;
  return normalizeIpv6(bare.startsWith('[') && bare.endsWith(']') ? bare.slice(1, -1) : bare);
}

/**
 * Collects a mapper's findings; every adder normalizes and de-duplicates, so mappers can add
 * whatever they find without checking.
 */
export class AlertDraft {
  title: string | null = null;
  description: string | null = null;
  severity: SeverityLevel | null = null;
  severityRaw: string | number | null = null;
  eventTime: string | null = null;
  vendor: string | null = null;
  product: string | null = null;
  sourceAlertId: string | null = null;
  ruleId: string | null = null;
  ruleName: string | null = null;
  readonly warnings: string[] = [];
  /**
   * What IOC extraction should read when it is not the payload itself: text formats hand over
   * their parsed, unescaped fields so that `request=https://x/?a\\=1` is read as the URL it is.
   */
  iocSource: unknown = undefined;
  private readonly sets = {
    hosts: new Set<string>(),
    users: new Set<string>(),
    sourceIps: new Set<string>(),
    destinationIps: new Set<string>(),
    sourcePorts: new Set<number>(),
    destinationPorts: new Set<number>(),
    urls: new Set<string>(),
    fileNames: new Set<string>(),
    processCommandLines: new Set<string>(),
  };
  private readonly hashes = new Map<string, HashType>();
  private readonly techniques = new Set<string>();
  private readonly hints = new Map<string, { field: string; value: string }>();

  constructor(readonly mapper: MapperName) {}

  setSeverity(raw: string | number | null, max: number, fallback: SeverityLevel = 'medium'): void {
    this.severityRaw = raw;
    this.severity = raw === null ? fallback : severityFrom(raw, max, fallback);
  }

  setTime(...candidates: unknown[]): void {
    for (const c of candidates) {
      const iso = toIsoTime(c);
      if (iso) {
        this.eventTime = iso;
        return;
      }
    }
  }

  hosts(...v: Array<string | null | undefined>): void {
    this.addAll(this.sets.hosts, v);
  }
  users(...v: Array<string | null | undefined>): void {
    this.addAll(this.sets.users, v);
  }
  urls(...v: Array<string | null | undefined>): void {
    this.addAll(this.sets.urls, v);
  }
  fileNames(...v: Array<string | null | undefined>): void {
    this.addAll(this.sets.fileNames, v);
  }
  commandLines(...v: Array<string | null | undefined>): void {
    this.addAll(this.sets.processCommandLines, v);
  }

  sourceIps(...v: Array<string | null | undefined>): void {
    this.addIps(this.sets.sourceIps, v);
  }
  destinationIps(...v: Array<string | null | undefined>): void {
    this.addIps(this.sets.destinationIps, v);
  }
  sourcePorts(...v: Array<string | number | null | undefined>): void {
    this.addPorts(this.sets.sourcePorts, v);
  }
  destinationPorts(...v: Array<string | number | null | undefined>): void {
    this.addPorts(this.sets.destinationPorts, v);
  }

  /** A hash of known type, or any hex digest whose type follows from its length. */
  hash(value: string | null | undefined, type?: HashType): void {
    if (!value) return;
    const v = value.trim().toLowerCase();
    const t = hashType(v) ?? (/^[0-9a-f]+$/.test(v) ? hashTypeForLength(v.length) : null);
    if (t && (!type || type === t)) this.hashes.set(v, t);
  }

  technique(...ids: Array<string | null | undefined>): void {
    for (const id of ids) {
      if (!id) continue;
      const t = lookupTechnique(id.trim());
      if (t) this.techniques.add(t.id);
    }
  }

  hint(field: string, value: string | null | undefined): void {
    if (value && value.trim() !== '')
      this.hints.set(`${field}\u0000${value}`, { field, value: value.trim() });
  }

  finish(raw: unknown): StandardAlert {
    const techniques = [...this.techniques].map((id) => {
      const t = lookupTechnique(id);
      return { id, name: t?.name ?? null, tactics: t?.tactics ?? [] };
    });
    return {
      title: this.title?.trim() || this.ruleName || 'Untitled alert',
      description: this.description,
      severity: { level: this.severity ?? 'medium', raw: this.severityRaw },
      eventTime: this.eventTime,
      source: { vendor: this.vendor, product: this.product, mapper: this.mapper },
      sourceAlertId: this.sourceAlertId,
      rule: { id: this.ruleId, name: this.ruleName },
      hosts: [...this.sets.hosts],
      users: [...this.sets.users],
      sourceIps: [...this.sets.sourceIps],
      destinationIps: [...this.sets.destinationIps],
      sourcePorts: [...this.sets.sourcePorts],
      destinationPorts: [...this.sets.destinationPorts],
      urls: [...this.sets.urls],
      fileNames: [...this.sets.fileNames],
      fileHashes: [...this.hashes].map(([value, type]) => ({ type, value })),
      processCommandLines: [...this.sets.processCommandLines],
      mitreTechniques: techniques,
      clientHints: [...this.hints.values()],
      raw,
    };
  }

  private addAll(set: Set<string>, values: Array<string | null | undefined>): void {
    for (const v of values) {
      const t = v?.trim();
      if (t && !PLACEHOLDERS.has(t.toLowerCase())) set.add(t);
    }
  }

  private addIps(set: Set<string>, values: Array<string | null | undefined>): void {
    for (const v of values) {
      if (!v) continue;
      const ip = normalizeIp(v);
      if (ip) set.add(ip);
    }
  }

  private addPorts(set: Set<number>, values: Array<string | number | null | undefined>): void {
    for (const v of values) {
      const n = typeof v === 'string' ? Number(v) : v;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535) set.add(n);
    }
  }
}
