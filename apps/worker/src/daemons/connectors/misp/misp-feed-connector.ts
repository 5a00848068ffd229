import { z } from 'zod';
import { MispClient } from '../../../integrations/misp/misp-client';
import { definePollingConnector, type IndicatorItem } from '../../connector';
import { mispIndicators } from './misp-indicators';

export const MispFeedConfig = z.object({
  feedUrl: z
    .url()
    .describe('Feed folder holding manifest.json, e.g. https://www.circl.lu/doc/misp/feed-osint/'),
  idsOnly: z.boolean().default(true).describe('Only attributes flagged for IDS (to_ids)'),
  timeoutMs: z.int().min(100).max(120_000).default(30_000),
});
export type MispFeedConfig = z.infer<typeof MispFeedConfig>;

/** The last event stored, in (timestamp, uuid) order: an event changed later sorts after it again. */
export const MispFeedCursor = z.object({ timestamp: z.int().min(0), uuid: z.string() });
export type MispFeedCursor = z.infer<typeof MispFeedCursor>;

const after = (a: MispFeedCursor, b: MispFeedCursor) =>
  a.timestamp > b.timestamp || (a.timestamp === b.timestamp && a.uuid > b.uuid);

export const mispFeedConnector = definePollingConnector({
  kind: 'misp-feed',
  title: 'MISP feed (manifest.json + event files) into the threat-intel store',
  mode: 'poll',
  output: 'indicators',
  configSchema: MispFeedConfig,
  cursorSchema: MispFeedCursor,
  async run(ctx) {
    const { config } = ctx;
    const client = new MispClient({
      baseUrl: config.feedUrl,
      apiKey: ctx.secrets.misp?.secret ?? null,
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
    });
    const start = ctx.cursor ?? {
      timestamp: Math.floor(ctx.rules.lookBackFrom.getTime() / 1000) - 1,
      uuid: '',
    };
    const pending = (await client.manifest())
      .filter((e) => after(e, start))
      .sort((a, b) => a.timestamp - b.timestamp || (a.uuid < b.uuid ? -1 : 1));
    const items: IndicatorItem[] = [];
    let cursor = ctx.cursor;
    let done = 0;
    let skipped = 0;
    for (const entry of pending) {
      if (items.length >= ctx.rules.maxItems) break;
      const event = await client.feedEvent(entry.uuid);
      const attributes = [...event.Attribute, ...event.Object.flatMap((o) => o.Attribute)];
      const r = mispIndicators(
        attributes,
        { info: event.info, threatLevelId: event.threat_level_id },
        {
          idsOnly: config.idsOnly,
          now: ctx.now,
        },
      );
      items.push(...r.items);
      skipped += r.skipped;
      cursor = { timestamp: entry.timestamp, uuid: entry.uuid };
      done++;
    }
    return {
      items,
      cursor,
      hasMore: done < pending.length,
      stats: {
        fetched: done,
        ...(skipped ? { errors: [`${skipped} attribute(s) of types with no IOC kind`] } : {}),
      },
    };
  },
});
