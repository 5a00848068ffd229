/** A tenant and the names it is known by (company name, brand name, aliases). */
export type ClientCandidate = { tenantId: string; names: readonly string[] };
/** One textual field of an alert and where it came from (`alert.raw.dest.host`). */
export type AlertField = { path: string; text: string };
export type ClientMatch = { tenantId: string; term: string; path: string };

// Two letters match inside too many words and hostnames to name a company.
const MIN_TERM_LENGTH = 3;
const MAX_FIELDS = 2000;
const MAX_DEPTH = 8;

/** Strings and numbers of a (possibly nested) alert as path/text pairs, bounded in depth and count. */
export function alertFields(value: unknown, path = 'alert'): AlertField[] {
  const out: AlertField[] = [];
  const walk = (v: unknown, p: string, depth: number) => {
    if (out.length >= MAX_FIELDS || depth > MAX_DEPTH || v === null || v === undefined) return;
    if (typeof v === 'string') {
      if (v.trim() !== '') out.push({ path: p, text: v });
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      out.push({ path: p, text: String(v) });
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, `${p}[${i}]`, depth + 1);
    } else if (typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, `${p}.${k}`, depth + 1);
    }
  };
  walk(value, path, 0);
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The term as a whole-word, case-insensitive pattern: no letter, digit or underscore may touch it on
 * either side (so "Acme" is found in "ACME-fw01" and "acme.example" but not in "Acmewide"), and any
 * run of whitespace inside it matches any other ("Acme  Corp" = "Acme Corp").
 */
function termPattern(term: string): RegExp {
  const body = term.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'iu');
}

/**
 * Which clients an alert names: for each candidate, the first field (in order) holding one of its names.
 * Longest term first, so "Acme Bank" ranks above "Acme" when both are found.
 */
export function identifyClient(
  fields: readonly AlertField[],
  candidates: readonly ClientCandidate[],
): ClientMatch[] {
  const matches: ClientMatch[] = [];
  for (const candidate of candidates) {
    const terms = [
      ...new Set(candidate.names.map((n) => n.trim()).filter((n) => n.length >= MIN_TERM_LENGTH)),
    ]
      // Longer names are more specific: try them first.
      .sort((a, b) => b.length - a.length);
    const patterns = terms.map((term) => ({ term, re: termPattern(term) }));
    const found = fields.flatMap((f) => {
      const hit = patterns.find((p) => p.re.test(f.text));
      return hit ? [{ tenantId: candidate.tenantId, term: hit.term, path: f.path }] : [];
    })[0];
    if (found) matches.push(found);
  }
  return matches.sort((a, b) => b.term.length - a.term.length);
}
