import type { IocType } from '@palisade/ioc/ioc';
import { normalizeIocValue } from './normalize-ioc-value';
import {
  type ComparisonExpression,
  type ObjectPath,
  type ObservationExpression,
  objectPathText,
  parseStixPattern,
} from './parse-stix-pattern';
import { StixPatternError } from './stix-pattern-lexer';

export type StixIoc = { type: IocType; value: string; objectPath: string };

export type StixPatternIocs = { ok: true; iocs: StixIoc[]; skipped: string[] } | { ok: false; error: string };

const HASH_TYPES: Record<string, IocType> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha512: 'sha512',
  ssdeep: 'ssdeep',
};

/** Which IOC types a value at this object path can be (in order of preference); empty: not an IOC. */
function iocTypesFor(path: ObjectPath): IocType[] {
  const props = path.steps.flatMap((s) => (s.kind === 'property' ? [s.name.toLowerCase()] : []));
  const last = props[props.length - 1] ?? '';
  const parent = props[props.length - 2];
  switch (path.objectType) {
    case 'ipv4-addr':
    case 'ipv6-addr':
      return last === 'value' && props.length === 1 ? ['ipv4', 'ipv6'] : [];
    case 'domain-name':
      return props.length === 1 && last === 'value' ? ['domain'] : [];
    case 'url':
      return props.length === 1 && last === 'value' ? ['url'] : [];
    case 'email-addr':
      return props.length === 1 && last === 'value' ? ['email'] : [];
    case 'mac-addr':
      return props.length === 1 && last === 'value' ? ['mac'] : [];
    case 'windows-registry-key':
      return props.length === 1 && last === 'key' ? ['registry_key'] : [];
    case 'directory':
      return props.length === 1 && last === 'path' ? ['file_path'] : [];
  }
  // Hashes of files and artifacts (`file:hashes.'SHA-256'`, also inside extensions).
  if (parent === 'hashes') {
    const hash = HASH_TYPES[last.replace(/[^a-z0-9]/g, '')];
    return hash ? [hash] : [];
  }
  // References resolved to addresses (`network-traffic:dst_ref.value`, `email-message:from_ref.value`).
  if (last === 'value' && parent?.endsWith('_ref')) return ['ipv4', 'ipv6', 'domain', 'email', 'mac'];
  if (last === 'value' && parent?.endsWith('_refs')) return ['email', 'ipv4', 'ipv6', 'domain'];
  return [];
}

function* comparisons(expr: ObservationExpression | ComparisonExpression): Generator<ComparisonExpression> {
  if (expr.kind === 'comparison') yield expr;
  else if (expr.kind === 'observation') yield* comparisons(expr.comparison);
  else {
    yield* comparisons(expr.left);
    yield* comparisons(expr.right);
  }
}

/**
 * The IOCs a STIX 2.1 indicator pattern asserts: values compared with `=` or listed with `IN` on an
 * object path that holds an IOC (addresses, domains, URLs, hashes, registry keys...). Negated tests,
 * ranges, LIKE/MATCHES and values that are not one whole IOC (a CIDR, a wildcard) are skipped with
 * a reason, never guessed at.
 */
export function stixPatternIocs(pattern: string): StixPatternIocs {
  let ast: ObservationExpression;
  try {
    ast = parseStixPattern(pattern);
  } catch (err) {
    if (err instanceof StixPatternError) return { ok: false, error: err.message };
    throw err;
  }
  const iocs: StixIoc[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const c of comparisons(ast)) {
    if (c.kind !== 'comparison') continue;
    const types = iocTypesFor(c.path);
    if (types.length === 0) continue;
    const objectPath = objectPathText(c.path);
    if (c.negated || (c.operator !== '=' && c.operator !== 'IN')) {
      skipped.push(`${objectPath} ${c.negated ? 'NOT ' : ''}${c.operator}`);
      continue;
    }
    for (const literal of c.values) {
      if (literal.kind !== 'string') continue;
      const norm = normalizeIocValue(literal.value, types);
      if (!norm) {
        skipped.push(`${objectPath} = '${literal.value}'`);
        continue;
      }
      const key = `${norm.type}\u0000${norm.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      iocs.push({ ...norm, objectPath });
    }
  }
  return { ok: true, iocs, skipped };
}
