import { z } from 'zod';
import { DEFAULT_ALERTS_INDEX, ElasticClient } from '../../../integrations/elastic/elastic-client';
import { connectionSecret } from '../../../integrations/http-poll/connection-secret';
import { definePollingConnector } from '../../connector';

export const ElasticConfig = z.object({
  baseUrl: z.url().optional().describe("Kibana (or Elasticsearch) URL; default: the credential's base URL"),
  api: z
    .enum(['kibana', 'elasticsearch'])
    .default('kibana')
    .describe('kibana: /api/detection_engine/signals/search; elasticsearch: <index>/_search'),
  index: z.string().min(1).default(DEFAULT_ALERTS_INDEX).describe('Alerts index pattern (elasticsearch API)'),
  filter: z
    .array(z.record(z.string(), z.unknown()))
    .default([])
    .describe('Extra Query DSL filters, e.g. [{term: {"kibana.alert.workflow_status": "open"}}]'),
  pageSize: z.int().min(1).max(10_000).default(500),
  timeoutMs: z.int().min(100).max(120_000).default(30_000),
});
export type ElasticConfig = z.infer<typeof ElasticConfig>;

/** The sort values of the last stored alert: [@timestamp millis, kibana.alert.uuid]. */
export const ElasticCursor = z.object({ searchAfter: z.array(z.union([z.number(), z.string()])).min(1) });
export type ElasticCursor = z.infer<typeof ElasticCursor>;

export const elasticConnector = definePollingConnector({
  kind: 'elastic-security',
  title: 'Elastic Security detection alerts (search_after paging)',
  mode: 'poll',
  output: 'alerts',
  configSchema: ElasticConfig,
  cursorSchema: ElasticCursor,
  requiredSecrets: ['elastic'],
  async run(ctx) {
    const { config } = ctx;
    const { baseUrl, secret } = connectionSecret(ctx.secrets, 'elastic', config.baseUrl);
    const client = new ElasticClient({
      baseUrl,
      apiKey: secret,
      api: config.api,
      index: config.index,
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
    });
    const size = Math.min(config.pageSize, ctx.rules.maxItems);
    const hits = await client.searchAlerts({
      from: ctx.cursor ? null : ctx.rules.lookBackFrom,
      searchAfter: ctx.cursor?.searchAfter ?? null,
      size,
      filter: config.filter,
    });
    const last = hits[hits.length - 1];
    const searchAfter = last ? ElasticCursor.shape.searchAfter.safeParse(last.sort) : null;
    if (searchAfter && !searchAfter.success)
      throw new Error('Elastic: hit sort values are not numbers or strings');
    return {
      items: hits.map((h) => ({
        sourceId: typeof h._source['kibana.alert.uuid'] === 'string' ? h._source['kibana.alert.uuid'] : h._id,
        event: { _id: h._id, _index: h._index, _source: h._source },
      })),
      cursor: searchAfter ? { searchAfter: searchAfter.data } : ctx.cursor,
      hasMore: hits.length === size,
      stats: { fetched: hits.length },
    };
  },
});
