import { z } from 'zod';
import { connectionSecret } from '../../../integrations/http-poll/connection-secret';
import { MispClient } from '../../../integrations/misp/misp-client';
import { definePollingConnector } from '../../connector';
import { mispIndicators } from './misp-indicators';

export const MispApiConfig = z.object({
  baseUrl: z.url().optional().describe("MISP URL; default: the credential's base URL"),
  pageSize: z.int().min(1).max(10_000).default(500),
  timeoutMs: z.int().min(100).max(120_000).default(30_000),
});
export type MispApiConfig = z.infer<typeof MispApiConfig>;

/**
 * `since`: attributes changed at or after it (epoch seconds) are still to read; while paging, the
 * next `page` and the newest attribute timestamp seen. Re-reading the boundary second is harmless:
 * the store upserts.
 */
export const MispApiCursor = z.object({
  since: z.int().min(0),
  page: z.int().min(1).default(1),
  maxSeen: z.int().min(0).optional(),
});
export type MispApiCursor = z.infer<typeof MispApiCursor>;

export const mispApiConnector = definePollingConnector({
  kind: 'misp-api',
  title: 'MISP REST API (attributes/restSearch, IDS attributes) into the threat-intel store',
  mode: 'poll',
  output: 'indicators',
  configSchema: MispApiConfig,
  cursorSchema: MispApiCursor,
  requiredSecrets: ['misp'],
  async run(ctx) {
    const { config } = ctx;
    const { baseUrl, secret } = connectionSecret(ctx.secrets, 'misp', config.baseUrl);
    const client = new MispClient({
      baseUrl,
      apiKey: secret,
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
    });
    const since = ctx.cursor?.since ?? Math.floor(ctx.rules.lookBackFrom.getTime() / 1000);
    const page = ctx.cursor?.page ?? 1;
    // A fixed page size: `page` numbers stay valid whatever budget the next call has.
    const limit = config.pageSize;
    const attributes = await client.searchAttributes({ since, page, limit });
    let maxSeen = ctx.cursor?.maxSeen ?? since;
    for (const a of attributes) if (a.timestamp && a.timestamp > maxSeen) maxSeen = a.timestamp;
    const r = mispIndicators(attributes, {}, { idsOnly: true, now: ctx.now });
    const more = attributes.length === limit;
    return {
      items: r.items,
      cursor: more ? { since, page: page + 1, maxSeen } : { since: maxSeen, page: 1 },
      hasMore: more,
      stats: {
        fetched: attributes.length,
        ...(r.skipped ? { errors: [`${r.skipped} attribute(s) of types with no IOC kind`] } : {}),
      },
    };
  },
});
