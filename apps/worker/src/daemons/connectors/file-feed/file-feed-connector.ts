import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extract } from '@palisade/ioc/extract';
import { z } from 'zod';
import { definePollingConnector, type IndicatorItem } from '../../connector';

export const FileFeedConfig = z
  .object({
    /** A local file path or an http(s) URL of a plain-text indicator list (one per line, `#` comments). */
    location: z.string().min(1).max(2000),
    timeoutMs: z.int().min(100).max(120_000).default(15_000),
  })
  .strict();

/** The SHA-256 of the list last loaded: an unchanged list loads nothing. */
export const FileFeedCursor = z.object({ sha256: z.string().length(64), count: z.int().min(0) });

async function load(location: string, timeoutMs: number, signal: AbortSignal): Promise<string> {
  if (!/^https?:\/\//i.test(location)) return readFile(location, 'utf8');
  const res = await fetch(location, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
  if (!res.ok) throw new Error(`feed ${location} answered ${res.status}`);
  return res.text();
}

/**
 * A plain indicator list (file or URL) into the tenant's threat-intel store: each line's IOCs are
 * extracted (refanged and normalized like alert artifacts). Works offline with a local file, which is
 * what the demo runs.
 */
export const fileFeedConnector = definePollingConnector({
  kind: 'file-feed',
  title: 'Indicator list feed (local file or URL, one indicator per line)',
  mode: 'poll',
  output: 'indicators',
  configSchema: FileFeedConfig,
  cursorSchema: FileFeedCursor,
  async run(ctx) {
    const text = await load(ctx.config.location, ctx.config.timeoutMs, ctx.signal);
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (ctx.cursor?.sha256 === sha256) return { items: [], cursor: ctx.cursor, hasMore: false };
    const items: IndicatorItem[] = [];
    let failed = 0;
    for (const raw of text.split('\n')) {
      const line = raw.split('#')[0]?.trim() ?? '';
      if (!line) continue;
      const iocs = extract(line).filter((i) => i.type !== 'mitre_technique');
      if (iocs.length === 0) failed++;
      for (const ioc of iocs)
        items.push({ type: ioc.type, value: ioc.value, description: `listed in ${ctx.daemonName}` });
    }
    const kept = items.slice(0, ctx.rules.maxItems);
    // A list longer than maxItemsPerRun loads its head only; the cursor still records the whole list.
    return {
      items: kept,
      cursor: { sha256, count: kept.length },
      hasMore: false,
      stats: { fetched: items.length + failed, failed },
    };
  },
});
