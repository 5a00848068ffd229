import { z } from 'zod';
import { joinUrl, parseVendorBody, VendorHttpError, vendorRequest } from '../http-poll/vendor-request';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

const Discovery = z.object({
  title: z.string().optional(),
  default: z.string().optional(),
  api_roots: z.array(z.string()).default([]),
});
const Collections = z.object({
  collections: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        can_read: z.boolean(),
        media_types: z.array(z.string()).optional(),
      }),
    )
    .default([]),
});
const Envelope = z.object({
  more: z.boolean().default(false),
  next: z.string().optional(),
  objects: z.array(z.looseObject({ type: z.string(), id: z.string() })).default([]),
});
export type StixObject = z.infer<typeof Envelope>['objects'][number];

export type TaxiiAuth =
  | { type: 'none' }
  | { type: 'basic'; secret: string }
  | { type: 'bearer'; secret: string };

type Conn = { auth: TaxiiAuth; timeoutMs?: number; signal?: AbortSignal };

const VENDOR = 'TAXII';

/** A TAXII 2.1 client: discovery, API roots' collections, and a collection's objects with paging. */
export class TaxiiClient {
  constructor(private readonly conn: Conn) {}

  private get(url: URL) {
    const { auth } = this.conn;
    return vendorRequest({
      vendor: VENDOR,
      url,
      accept: TAXII_MEDIA_TYPE,
      headers:
        auth.type === 'basic'
          ? { authorization: `Basic ${Buffer.from(auth.secret).toString('base64')}` }
          : auth.type === 'bearer'
            ? { authorization: `Bearer ${auth.secret}` }
            : {},
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
    });
  }

  /** The API root to use: `wanted` (URL or path relative to the server), else the server's default, else its first. */
  async apiRoot(discoveryUrl: string, wanted: string | undefined): Promise<string> {
    const res = await this.get(new URL(discoveryUrl));
    const d = parseVendorBody(VENDOR, Discovery, res.body, 'discovery');
    const roots = d.api_roots.map((r) => new URL(r, discoveryUrl).toString());
    if (wanted) {
      const url = new URL(wanted, discoveryUrl).toString();
      const match = roots.find((r) => r.replace(/\/?$/, '/') === url.replace(/\/?$/, '/'));
      if (!match)
        throw new VendorHttpError(
          VENDOR,
          'client_error',
          `API root ${wanted} is not offered by ${discoveryUrl}`,
        );
      return match;
    }
    const root = d.default ? new URL(d.default, discoveryUrl).toString() : roots[0];
    if (!root) throw new VendorHttpError(VENDOR, 'bad_response', 'the server offers no API root');
    return root;
  }

  /** A readable collection by id or title. */
  async collection(apiRoot: string, idOrTitle: string): Promise<{ id: string; title: string }> {
    const res = await this.get(joinUrl(apiRoot, 'collections/'));
    const all = parseVendorBody(VENDOR, Collections, res.body, 'collections').collections;
    const c = all.find((x) => x.id === idOrTitle) ?? all.find((x) => x.title === idOrTitle);
    if (!c) throw new VendorHttpError(VENDOR, 'client_error', `no collection "${idOrTitle}" in ${apiRoot}`);
    if (!c.can_read)
      throw new VendorHttpError(
        VENDOR,
        'unauthorized',
        `collection "${c.title}" is not readable with these credentials`,
      );
    return { id: c.id, title: c.title };
  }

  /** One page of objects added after `addedAfter`, continuing at `next`. */
  async objects(
    apiRoot: string,
    collectionId: string,
    page: { addedAfter: string | null; next: string | null; limit: number },
  ): Promise<{ objects: StixObject[]; more: boolean; next: string | null; dateAddedLast: string | null }> {
    const url = joinUrl(apiRoot, `collections/${encodeURIComponent(collectionId)}/objects/`);
    if (page.addedAfter) url.searchParams.set('added_after', page.addedAfter);
    if (page.next) url.searchParams.set('next', page.next);
    url.searchParams.set('limit', String(page.limit));
    const res = await this.get(url);
    const env = parseVendorBody(VENDOR, Envelope, res.body ?? {}, 'envelope');
    return {
      objects: env.objects,
      more: env.more,
      next: env.next ?? null,
      dateAddedLast: res.headers.get('x-taxii-date-added-last'),
    };
  }
}
