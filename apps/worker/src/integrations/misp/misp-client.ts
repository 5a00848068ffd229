import { z } from 'zod';
import { joinUrl, parseVendorBody, vendorRequest } from '../http-poll/vendor-request';

export const MispAttribute = z.looseObject({
  type: z.string(),
  value: z.string(),
  to_ids: z.union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')]).default(false),
  timestamp: z.coerce.number().int().optional(),
  comment: z.string().optional(),
  deleted: z.union([z.boolean(), z.literal(0), z.literal(1)]).optional(),
  Event: z.looseObject({ info: z.string().optional(), threat_level_id: z.unknown().optional() }).optional(),
});
export type MispAttribute = z.infer<typeof MispAttribute>;

export const MispEvent = z.looseObject({
  uuid: z.string(),
  info: z.string().default(''),
  threat_level_id: z.unknown().optional(),
  timestamp: z.coerce.number().int(),
  Attribute: z.array(MispAttribute).default([]),
  Object: z.array(z.looseObject({ Attribute: z.array(MispAttribute).default([]) })).default([]),
});
export type MispEvent = z.infer<typeof MispEvent>;

const Manifest = z.record(
  z.string(),
  z.looseObject({ timestamp: z.coerce.number().int(), info: z.string().optional() }),
);
const EventFile = z.object({ Event: MispEvent });
const RestSearch = z.object({ response: z.object({ Attribute: z.array(MispAttribute) }) });

export const isToIds = (a: MispAttribute) => a.to_ids === true || a.to_ids === 1 || a.to_ids === '1';
export const isDeleted = (a: MispAttribute) => a.deleted === true || a.deleted === 1;

type Conn = { baseUrl: string; apiKey: string | null; timeoutMs?: number; signal?: AbortSignal };

/** A MISP feed (`manifest.json` + `<uuid>.json`) and the MISP REST API (`/attributes/restSearch`). */
export class MispClient {
  constructor(private readonly conn: Conn) {}

  private get(path: string, vendor: string) {
    return vendorRequest({
      vendor,
      url: joinUrl(this.conn.baseUrl, path),
      headers: this.conn.apiKey ? { authorization: this.conn.apiKey } : {},
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
    });
  }

  /** The feed's event index: uuid → timestamp (epoch seconds of the event's last change). */
  async manifest(): Promise<{ uuid: string; timestamp: number }[]> {
    const res = await this.get('manifest.json', 'MISP feed');
    const m = parseVendorBody('MISP feed', Manifest, res.body, 'manifest');
    return Object.entries(m).map(([uuid, e]) => ({ uuid, timestamp: e.timestamp }));
  }

  async feedEvent(uuid: string): Promise<MispEvent> {
    const res = await this.get(`${encodeURIComponent(uuid)}.json`, 'MISP feed');
    return parseVendorBody('MISP feed', EventFile, res.body, `event ${uuid}`).Event;
  }

  /** One page of IDS attributes changed at or after `since` (epoch seconds). */
  async searchAttributes(input: { since: number; page: number; limit: number }): Promise<MispAttribute[]> {
    const res = await vendorRequest({
      vendor: 'MISP',
      url: joinUrl(this.conn.baseUrl, 'attributes/restSearch'),
      method: 'POST',
      headers: this.conn.apiKey ? { authorization: this.conn.apiKey } : {},
      json: {
        returnFormat: 'json',
        to_ids: 1,
        deleted: 0,
        includeEventUuid: 1,
        timestamp: input.since,
        page: input.page,
        limit: input.limit,
        order: 'Attribute.timestamp ASC',
      },
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
    });
    return parseVendorBody('MISP', RestSearch, res.body, 'restSearch').response.Attribute;
  }
}
