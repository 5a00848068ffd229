import { createHash } from 'node:crypto';

/** How long an identical payload counts as a re-send. */
export const PAYLOAD_DEDUP_HOURS = 24;

export type DedupClaim = {
  payloadHash: string;
  /** `field:<value>` (forever) when the source's id field is configured and present, else `hash:<sha256>`. */
  key: string;
  ttlHours: number | null;
};

/**
 * The intake dedup key of one item. `text` is the item's JSON text (what was hashed); `dedupField`
 * a dot path into a JSON object (`event.id`).
 */
export function dedupClaim(item: unknown, text: string, dedupField: string | null): DedupClaim {
  const payloadHash = createHash('sha256').update(text, 'utf8').digest('hex');
  const id = dedupField ? readPath(item, dedupField) : undefined;
  if (id !== undefined) return { payloadHash, key: `field:${id}`, ttlHours: null };
  return { payloadHash, key: `hash:${payloadHash}`, ttlHours: PAYLOAD_DEDUP_HOURS };
}

function readPath(item: unknown, path: string): string | undefined {
  let cur: unknown = item;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (typeof cur === 'string' && cur !== '') return cur.slice(0, 500);
  if (typeof cur === 'number' && Number.isFinite(cur)) return String(cur);
  return undefined;
}
