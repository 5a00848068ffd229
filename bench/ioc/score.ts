import type { Found } from './extractors';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Scores = Map<string, Counts>;

const key = (f: Found): string => `${f.type}\u0000${f.value}`;

/** Adds one document's outcome; `only` restricts scoring to types an extractor supports. */
export function addDoc(scores: Scores, truth: Found[], found: Found[], only?: ReadonlySet<string>): void {
  const want = new Set(truth.filter((t) => !only || only.has(t.type)).map(key));
  const got = new Set(found.filter((f) => !only || only.has(f.type)).map(key));
  const bump = (type: string, field: keyof Counts): void => {
    const c = scores.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    scores.set(type, c);
  };
  for (const k of got) bump(k.split('\u0000')[0] as string, want.has(k) ? 'tp' : 'fp');
  for (const k of want) if (!got.has(k)) bump(k.split('\u0000')[0] as string, 'fn');
}

export function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

export function total(scores: Scores, types?: ReadonlySet<string>): Counts {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of scores) {
    if (types && !types.has(type)) continue;
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
  return t;
}
