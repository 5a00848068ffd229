import { extract } from '@palisade/ioc/extract';
import type { IocType } from '@palisade/ioc/ioc';

/**
 * A feed value normalized the way artifacts are (@palisade/ioc: refanged, lowercase domains and
 * hashes), when the whole string is exactly one IOC of an allowed type; null otherwise (a CIDR,
 * a wildcard, a typo), so a feed never stores half a value.
 */
export function normalizeIocValue(
  value: string,
  types: readonly IocType[],
): { type: IocType; value: string } | null {
  const trimmed = value.trim();
  for (const ioc of extract(trimmed, { types })) {
    const loc = ioc.locations[0];
    if (loc && loc.start === 0 && loc.end === trimmed.length) return { type: ioc.type, value: ioc.value };
  }
  return null;
}
