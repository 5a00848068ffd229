import { type StandIn, type StandInRequest, startStandIn } from '../../http-poll/test/stand-in-server';
import type { MispEvent } from '../misp-client';

export type MispStandIn = StandIn & { apiKey: string; events: MispEvent[] };

/**
 * A MISP instance: the feed layout under `/feed/` (`manifest.json`, `<uuid>.json`) and
 * `POST /attributes/restSearch` (to_ids, timestamp >=, page/limit, ordered by timestamp), the API
 * requiring `Authorization: <key>`.
 */
export async function startMispStandIn(apiKey = 'misp-key-0123456789'): Promise<MispStandIn> {
  const events: MispEvent[] = [];
  const handle = (req: StandInRequest) => {
    const path = req.url.pathname;
    if (req.method === 'GET' && path === '/feed/manifest.json') {
      return {
        json: Object.fromEntries(
          events.map((e) => [
            e.uuid,
            { info: e.info, timestamp: String(e.timestamp), threat_level_id: e.threat_level_id },
          ]),
        ),
      };
    }
    const file = /^\/feed\/([0-9a-f-]+)\.json$/.exec(path);
    if (req.method === 'GET' && file) {
      const e = events.find((x) => x.uuid === file[1]);
      return e ? { json: { Event: e } } : { status: 404, json: { message: 'Not found' } };
    }
    if (req.method === 'POST' && path === '/attributes/restSearch') {
      if (req.headers.authorization !== apiKey) {
        return { status: 403, json: { name: 'Authentication failed.', message: 'Authentication failed.' } };
      }
      const q = JSON.parse(req.body) as { timestamp: number; page: number; limit: number; to_ids: number };
      const all = events
        .flatMap((e) =>
          [...e.Attribute, ...e.Object.flatMap((o) => o.Attribute)].map((a) => ({
            ...a,
            Event: { info: e.info, threat_level_id: e.threat_level_id, uuid: e.uuid },
          })),
        )
        .filter(
          (a) =>
            (a.timestamp ?? 0) >= q.timestamp &&
            (!q.to_ids || a.to_ids === true || a.to_ids === '1' || a.to_ids === 1),
        )
        .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
      return { json: { response: { Attribute: all.slice((q.page - 1) * q.limit, q.page * q.limit) } } };
    }
    return { status: 404, json: { message: 'Not found' } };
  };
  const server = await startStandIn(handle);
  return Object.assign(server, { apiKey, events });
}
