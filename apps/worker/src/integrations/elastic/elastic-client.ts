import { z } from 'zod';
import { joinUrl, parseVendorBody, VendorHttpError, vendorRequest } from '../http-poll/vendor-request';

export type ElasticConnection = {
  /** Kibana URL for `api: 'kibana'`, Elasticsearch URL for `api: 'elasticsearch'`. */
  baseUrl: string;
  /** An Elastic API key (base64 `id:api_key`), sent as `ApiKey <key>`. */
  apiKey: string;
  api: 'kibana' | 'elasticsearch';
  /** Alerts index pattern for the Elasticsearch API. */
  index?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
};

export type ElasticHit = { _id: string; _index: string; _source: Record<string, unknown>; sort: unknown[] };

const SearchResponse = z.object({
  hits: z.object({
    hits: z.array(
      z.object({
        _id: z.string(),
        _index: z.string(),
        _source: z.record(z.string(), z.unknown()),
        sort: z.array(z.unknown()),
      }),
    ),
  }),
});
const StatusResponse = z.object({ updated: z.int().min(0), failures: z.array(z.unknown()).default([]) });

const VENDOR = 'Elastic';
export const DEFAULT_ALERTS_INDEX = '.alerts-security.alerts-*';

/** Elastic Security detection alerts: search with search_after, and the alert status API. */
export class ElasticClient {
  constructor(private readonly conn: ElasticConnection) {}

  private request(path: string, json: unknown) {
    return vendorRequest({
      vendor: VENDOR,
      url: joinUrl(this.conn.baseUrl, path),
      method: 'POST',
      // Kibana refuses state-changing calls without kbn-xsrf; Elasticsearch ignores it.
      headers: { authorization: `ApiKey ${this.conn.apiKey}`, 'kbn-xsrf': 'true' },
      json,
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
    });
  }

  /**
   * Alerts in (@timestamp, kibana.alert.uuid) order after `searchAfter` (or from `from` on the
   * first page); `filter` is extra Query DSL (e.g. only open alerts of some rules).
   */
  async searchAlerts(input: {
    /** Lower bound of @timestamp; null when paging on from a cursor. */
    from: Date | null;
    searchAfter: unknown[] | null;
    size: number;
    filter?: Record<string, unknown>[];
  }): Promise<ElasticHit[]> {
    const body = {
      size: input.size,
      query: {
        bool: {
          filter: [
            ...(input.from ? [{ range: { '@timestamp': { gte: input.from.toISOString() } } }] : []),
            ...(input.filter ?? []),
          ],
        },
      },
      sort: [{ '@timestamp': 'asc' }, { 'kibana.alert.uuid': 'asc' }],
      ...(input.searchAfter ? { search_after: input.searchAfter } : {}),
    };
    const path =
      this.conn.api === 'kibana'
        ? 'api/detection_engine/signals/search'
        : `${encodeURIComponent(this.conn.index ?? DEFAULT_ALERTS_INDEX).replace(/%2A/g, '*')}/_search`;
    const res = await this.request(path, body);
    return parseVendorBody(VENDOR, SearchResponse, res.body, 'search').hits.hits;
  }

  /** Sets detection alerts' workflow status (Kibana API); fails when none of the ids exists. */
  async setAlertStatus(ids: readonly string[], status: 'open' | 'acknowledged' | 'closed'): Promise<number> {
    const res = await this.request('api/detection_engine/signals/status', { signal_ids: ids, status });
    const body = parseVendorBody(VENDOR, StatusResponse, res.body, 'alert status');
    if (body.failures.length > 0) {
      throw new VendorHttpError(
        VENDOR,
        'server_error',
        `status update failed: ${JSON.stringify(body.failures[0]).slice(0, 200)}`,
      );
    }
    if (body.updated === 0)
      throw new VendorHttpError(VENDOR, 'client_error', `no alert with id ${ids.join(', ')}`);
    return body.updated;
  }
}
