import type { IndicatorItem } from '../../daemons/connector';
import { stixPatternIocs } from './stix-pattern-iocs';

/** What an indicator object's labels say about its verdict (STIX 2.1 indicator-type-ov). */
function verdictOf(types: unknown): IndicatorItem['verdict'] {
  const list = Array.isArray(types) ? types : [];
  if (list.includes('benign')) return 'benign';
  if (list.includes('malicious-activity') || list.includes('attribution') || list.includes('compromised'))
    return 'malicious';
  if (list.includes('anomalous-activity') || list.includes('unknown')) return 'suspicious';
  return 'malicious';
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const time = (v: unknown) => {
  const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(t) ? undefined : new Date(t);
};

/**
 * Store items for the IOCs of STIX 2.1 `indicator` objects (pattern_type stix). Revoked indicators
 * and other object types yield nothing; a pattern that does not parse is reported, not guessed at.
 */
export function stixIndicatorItems(objects: readonly Record<string, unknown>[]): {
  items: IndicatorItem[];
  errors: string[];
} {
  const items: IndicatorItem[] = [];
  const errors: string[] = [];
  for (const o of objects) {
    if (o.type !== 'indicator' || o.revoked === true) continue;
    if ((o.pattern_type ?? 'stix') !== 'stix' || typeof o.pattern !== 'string') continue;
    const parsed = stixPatternIocs(o.pattern);
    if (!parsed.ok) {
      errors.push(`${String(o.id)}: ${parsed.error}`);
      continue;
    }
    const confidence =
      typeof o.confidence === 'number' ? Math.max(0, Math.min(100, Math.round(o.confidence))) : undefined;
    const lastSeen = time(o.modified) ?? time(o.created);
    const expiresAt = time(o.valid_until) ?? null;
    for (const ioc of parsed.iocs) {
      items.push({
        type: ioc.type,
        value: ioc.value,
        verdict: verdictOf(o.indicator_types),
        ...(confidence === undefined ? {} : { score: confidence }),
        description: str(o.name) ?? str(o.description) ?? null,
        expiresAt,
        ...(lastSeen ? { lastSeen } : {}),
      });
    }
  }
  return { items, errors };
}
