import { z } from 'zod';
import { SentinelClient } from '../../../integrations/sentinel/sentinel-client';
import { definePollingConnector } from '../../connector';

export const SentinelConfig = z.object({
  azureTenantId: z.string().min(1).describe('Entra ID (Azure AD) tenant id of the client'),
  clientId: z.string().min(1).describe('App registration with Microsoft Sentinel Reader on the workspace'),
  subscriptionId: z.string().min(1),
  resourceGroup: z.string().min(1),
  workspace: z.string().min(1).describe('Log Analytics workspace name'),
  apiVersion: z.string().default('2023-02-01'),
  authorityUrl: z.url().default('https://login.microsoftonline.com'),
  managementUrl: z
    .url()
    .optional()
    .describe("ARM URL; default: the credential's base URL, else management.azure.com"),
  pageSize: z.int().min(1).max(1000).default(200),
  timeoutMs: z.int().min(100).max(120_000).default(30_000),
});
export type SentinelConfig = z.infer<typeof SentinelConfig>;

/**
 * `since`: incidents modified at or after it are still to read (ge: an incident modified in the
 * same millisecond as the last one is not skipped; dedup drops the repeat). While paging, `nextLink`
 * and the newest `lastModifiedTimeUtc` seen so far.
 */
export const SentinelCursor = z.object({
  since: z.iso.datetime({ offset: true }),
  nextLink: z.url().optional(),
  maxSeen: z.iso.datetime({ offset: true }).optional(),
});
export type SentinelCursor = z.infer<typeof SentinelCursor>;

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

export const sentinelConnector = definePollingConnector({
  kind: 'sentinel',
  title: 'Microsoft Sentinel incidents (Azure Resource Manager)',
  mode: 'poll',
  output: 'alerts',
  configSchema: SentinelConfig,
  cursorSchema: SentinelCursor,
  requiredSecrets: ['sentinel'],
  async run(ctx) {
    const { config } = ctx;
    const secret = ctx.secrets.sentinel;
    if (!secret?.secret)
      throw new Error('secret "sentinel" (the app registration\'s client secret) is not configured');
    const client = new SentinelClient({
      ...config,
      managementUrl: config.managementUrl ?? secret.baseUrl ?? 'https://management.azure.com',
      clientSecret: secret.secret,
      signal: ctx.signal,
    });
    const since = ctx.cursor?.since ?? ctx.rules.lookBackFrom.toISOString();
    const top = Math.min(config.pageSize, ctx.rules.maxItems);
    const page = await client.page(ctx.cursor?.nextLink ?? client.incidentsUrl(new Date(since), top));
    let maxSeen = ctx.cursor?.maxSeen ?? since;
    for (const i of page.incidents) maxSeen = later(maxSeen, i.properties.lastModifiedTimeUtc);
    return {
      items: page.incidents.map((i) => ({ sourceId: i.name, event: i })),
      cursor: page.nextLink ? { since, nextLink: page.nextLink, maxSeen } : { since: maxSeen },
      hasMore: page.nextLink !== null,
      stats: { fetched: page.incidents.length },
    };
  },
});
