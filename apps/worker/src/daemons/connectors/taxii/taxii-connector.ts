import { z } from 'zod';
import { stixIndicatorItems } from '../../../integrations/stix/stix-indicator-items';
import { type TaxiiAuth, TaxiiClient } from '../../../integrations/taxii/taxii-client';
import { definePollingConnector } from '../../connector';

export const TaxiiConfig = z.object({
  discoveryUrl: z.url().describe('TAXII 2.1 discovery endpoint, e.g. https://feed.example/taxii2/'),
  apiRoot: z.string().min(1).optional().describe("API root URL or path; default: the server's default root"),
  collection: z.string().min(1).describe('Collection id or title'),
  auth: z.enum(['none', 'basic', 'bearer']).default('basic').describe('basic: secret is `user:password`'),
  pageSize: z.int().min(1).max(10_000).default(500),
  timeoutMs: z.int().min(100).max(120_000).default(30_000),
});
export type TaxiiConfig = z.infer<typeof TaxiiConfig>;

/**
 * `addedAfter`: objects the server added after it are still to read (TAXII's `added_after` is
 * exclusive). While paging, the server's `next` token and the newest X-TAXII-Date-Added-Last seen.
 */
export const TaxiiCursor = z.object({
  addedAfter: z.iso.datetime({ offset: true }),
  next: z.string().min(1).optional(),
  lastAdded: z.iso.datetime({ offset: true }).optional(),
});
export type TaxiiCursor = z.infer<typeof TaxiiCursor>;

export const taxiiConnector = definePollingConnector({
  kind: 'taxii',
  title: 'TAXII 2.1 collection (STIX 2.1 indicators) into the threat-intel store',
  mode: 'poll',
  output: 'indicators',
  configSchema: TaxiiConfig,
  cursorSchema: TaxiiCursor,
  async run(ctx) {
    const { config } = ctx;
    const secret = ctx.secrets.taxii?.secret;
    if (config.auth !== 'none' && !secret)
      throw new Error('secret "taxii" is not configured but auth needs it');
    const auth: TaxiiAuth =
      config.auth === 'none' || !secret ? { type: 'none' } : { type: config.auth, secret };
    const client = new TaxiiClient({ auth, timeoutMs: config.timeoutMs, signal: ctx.signal });
    const root = await client.apiRoot(config.discoveryUrl, config.apiRoot);
    const collection = await client.collection(root, config.collection);
    const addedAfter = ctx.cursor?.addedAfter ?? ctx.rules.lookBackFrom.toISOString();
    const page = await client.objects(root, collection.id, {
      addedAfter,
      next: ctx.cursor?.next ?? null,
      limit: Math.min(config.pageSize, ctx.rules.maxItems),
    });
    const lastAdded = page.dateAddedLast ?? ctx.cursor?.lastAdded;
    const { items, errors } = stixIndicatorItems(page.objects);
    // A server without `next` support pages by added_after alone.
    const cursor: TaxiiCursor =
      page.more && page.next
        ? { addedAfter, next: page.next, ...(lastAdded ? { lastAdded } : {}) }
        : { addedAfter: lastAdded ?? addedAfter };
    return {
      items,
      cursor,
      hasMore: page.more && (page.next !== null || lastAdded !== undefined),
      stats: { fetched: page.objects.length, failed: errors.length, errors: errors.slice(0, 5) },
    };
  },
});
