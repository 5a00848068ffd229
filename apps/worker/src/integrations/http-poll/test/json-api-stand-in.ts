import { type StandIn, type StandInRequest, startStandIn } from './stand-in-server';

export type JsonApiStandIn = StandIn & { events: { id: string; time: string; [k: string]: unknown }[] };

const PAGE = 2;

/**
 * A generic JSON alert API: `/events?since=` filtered by time, paged four ways: `/offset`
 * (offset/limit), `/cursor` (page_token → next_token), `/next-url` (links.next), `/link-header`
 * (RFC 8288 Link). Bearer token `api-token` required.
 */
export async function startJsonApiStandIn(): Promise<JsonApiStandIn> {
  const events: JsonApiStandIn['events'] = [];
  const handle = (req: StandInRequest) => {
    if (req.headers.authorization !== 'Bearer api-token')
      return { status: 401, json: { error: 'bad token' } };
    const q = req.url.searchParams;
    const since = q.get('since');
    const all = events
      .filter((e) => !since || Date.parse(e.time) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    const mode = req.url.pathname.slice(1);
    if (mode === 'offset') {
      const offset = Number(q.get('offset'));
      return { json: { data: { items: all.slice(offset, offset + Number(q.get('limit'))) } } };
    }
    const start = Number(q.get('page_token') ?? q.get('p') ?? 0);
    const items = all.slice(start, start + PAGE);
    const more = start + PAGE < all.length;
    const nextUrl = `/${mode}?p=${start + PAGE}${since ? `&since=${encodeURIComponent(since)}` : ''}`;
    if (mode === 'cursor')
      return { json: { data: { items }, ...(more ? { next_token: String(start + PAGE) } : {}) } };
    if (mode === 'next-url') return { json: { data: { items }, links: { next: more ? nextUrl : null } } };
    if (mode === 'link-header') {
      const headers: Record<string, string> = more
        ? { link: `<${nextUrl}>; rel="next", </first>; rel="first"` }
        : {};
      return { json: { data: { items } }, headers };
    }
    return { status: 404, json: {} };
  };
  const server = await startStandIn(handle);
  return Object.assign(server, { events });
}
