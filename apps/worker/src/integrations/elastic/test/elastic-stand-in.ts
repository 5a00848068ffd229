import { type StandIn, type StandInRequest, startStandIn } from '../../http-poll/test/stand-in-server';

export type ElasticAlertDoc = { _id: string; _index: string; _source: Record<string, unknown> };

export type ElasticStandIn = StandIn & { apiKey: string; alerts: ElasticAlertDoc[] };

const sortKey = (d: ElasticAlertDoc): [number, string] => [
  Date.parse(String(d._source['@timestamp'])),
  String(d._source['kibana.alert.uuid'] ?? d._id),
];

const compare = (a: unknown[], b: unknown[]) =>
  Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]));

/**
 * Kibana/Elasticsearch stand-in: `POST /api/detection_engine/signals/search` and
 * `POST /.alerts-security.alerts-{space}/_search` (range on @timestamp, sort, size, search_after) and
 * `POST /api/detection_engine/signals/status` (sets `kibana.alert.workflow_status`).
 */
export async function startElasticStandIn(apiKey = 'ZWxhc3RpYzprZXk='): Promise<ElasticStandIn> {
  const alerts: ElasticAlertDoc[] = [];
  const handle = (req: StandInRequest) => {
    if (req.headers.authorization !== `ApiKey ${apiKey}`) {
      return {
        status: 401,
        json: { statusCode: 401, error: 'Unauthorized', message: 'missing authentication' },
      };
    }
    const body = JSON.parse(req.body || '{}') as Record<string, unknown>;
    const path = decodeURIComponent(req.url.pathname);
    if (path === '/api/detection_engine/signals/status') {
      if (req.headers['kbn-xsrf'] === undefined)
        return { status: 400, json: { message: 'missing kbn-xsrf' } };
      const ids = body.signal_ids as string[];
      let updated = 0;
      for (const a of alerts) {
        if (ids.includes(a._id)) {
          a._source['kibana.alert.workflow_status'] = body.status;
          updated++;
        }
      }
      return { json: { took: 3, updated, failures: [] } };
    }
    if (
      path === '/api/detection_engine/signals/search' ||
      /^\/\.alerts-security\.alerts-[^/]*\/_search$/.test(path)
    ) {
      const filter = (body.query as { bool: { filter: { range?: { '@timestamp': { gte: string } } }[] } })
        .bool.filter;
      const gte = Date.parse(
        filter.find((f) => f.range)?.range?.['@timestamp'].gte ?? '1970-01-01T00:00:00Z',
      );
      const after = body.search_after as unknown[] | undefined;
      const hits = alerts
        .map((a) => ({ ...a, sort: sortKey(a) }))
        .filter((a) => a.sort[0] >= gte && (!after || compare(a.sort, after) > 0))
        .sort((a, b) => compare(a.sort, b.sort))
        .slice(0, Number(body.size ?? 10));
      return {
        json: { took: 1, timed_out: false, hits: { total: { value: hits.length, relation: 'eq' }, hits } },
      };
    }
    return { status: 404, json: { error: 'no handler' } };
  };
  const server = await startStandIn(handle);
  return Object.assign(server, { apiKey, alerts });
}
