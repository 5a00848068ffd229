import { type StandIn, type StandInRequest, startStandIn } from '../../http-poll/test/stand-in-server';
import { TAXII_MEDIA_TYPE } from '../taxii-client';

export type TaxiiStandIn = StandIn & {
  user: string;
  password: string;
  collectionId: string;
  /** Objects with the time the server added them (what added_after compares). */
  objects: { added: string; object: Record<string, unknown> & { id: string; type: string } }[];
};

/**
 * TAXII 2.1 server: discovery `/taxii2/`, API root `/api1/`, `/api1/collections/` and
 * `/api1/collections/{id}/objects/` (added_after, limit, opaque `next`, X-TAXII-Date-Added-First/Last),
 * answering `application/taxii+json;version=2.1` and 406 to other Accept headers; basic auth.
 */
export async function startTaxiiStandIn(): Promise<TaxiiStandIn> {
  const user = 'soc';
  const password = 'taxii-pass';
  const collectionId = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';
  const objects: TaxiiStandIn['objects'] = [];
  const pages = new Map<string, TaxiiStandIn['objects']>();
  const handle = (req: StandInRequest) => {
    const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (req.headers.authorization !== basic) return { status: 401, json: { title: 'Unauthorized' } };
    if (
      !req.headers.accept?.includes('application/taxii+json') ||
      !req.headers.accept.includes('version=2.1')
    ) {
      return { status: 406, json: { title: 'Not Acceptable' } };
    }
    const path = req.url.pathname;
    if (path === '/taxii2/')
      return { json: { title: 'Stand-in TAXII', default: '/api1/', api_roots: ['/api1/', '/api2/'] } };
    if (path === '/api1/collections/') {
      return {
        json: {
          collections: [
            {
              id: collectionId,
              title: 'Indicators',
              can_read: true,
              can_write: false,
              media_types: [TAXII_MEDIA_TYPE],
            },
            { id: 'private-0000', title: 'Private', can_read: false, can_write: false },
          ],
        },
      };
    }
    if (path !== `/api1/collections/${collectionId}/objects/`)
      return { status: 404, json: { title: 'Not Found' } };
    const limit = Number(req.url.searchParams.get('limit') ?? 100);
    const next = req.url.searchParams.get('next');
    let remaining: TaxiiStandIn['objects'];
    if (next) {
      const stored = pages.get(next);
      if (!stored) return { status: 400, json: { title: 'unknown next' } };
      remaining = stored;
    } else {
      const after = req.url.searchParams.get('added_after');
      remaining = objects
        .filter((o) => !after || Date.parse(o.added) > Date.parse(after))
        .sort((a, b) => Date.parse(a.added) - Date.parse(b.added));
    }
    const page = remaining.slice(0, limit);
    const first = page[0];
    const last = page[page.length - 1];
    const rest = remaining.slice(limit);
    const token = rest.length > 0 ? `n${pages.size + 1}` : undefined;
    if (token) pages.set(token, rest);
    if (!first || !last) return { json: { more: false } };
    return {
      json: { more: rest.length > 0, ...(token ? { next: token } : {}), objects: page.map((o) => o.object) },
      headers: {
        'X-TAXII-Date-Added-First': first.added,
        'X-TAXII-Date-Added-Last': last.added,
      },
    };
  };
  const server = await startStandIn(handle, TAXII_MEDIA_TYPE);
  return Object.assign(server, { user, password, collectionId, objects });
}
