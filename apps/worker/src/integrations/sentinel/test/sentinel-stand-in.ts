import { type StandIn, type StandInRequest, startStandIn } from '../../http-poll/test/stand-in-server';

export type SentinelStandIn = StandIn & {
  azureTenantId: string;
  clientId: string;
  clientSecret: string;
  incidents: { name: string; properties: Record<string, unknown> & { lastModifiedTimeUtc: string } }[];
  tokensIssued: number;
};

const INCIDENTS =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)\/providers\/Microsoft\.SecurityInsights\/incidents$/;

/**
 * Entra ID token endpoint (`/{tenant}/oauth2/v2.0/token`, client credentials) and the ARM incidents
 * list (`$filter` on lastModifiedTimeUtc ge, `$orderby` asc, `$top`, `nextLink` with `$skipToken`),
 * on one stand-in server.
 */
export async function startSentinelStandIn(): Promise<SentinelStandIn> {
  const azureTenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const clientId = 'c1d2e3f4-0000-4000-8000-000000000001';
  const clientSecret = 'sentinel-client-secret';
  const incidents: SentinelStandIn['incidents'] = [];
  const tokens = new Set<string>();
  let self: SentinelStandIn | undefined;
  const handle = (req: StandInRequest) => {
    if (req.method === 'POST' && req.url.pathname === `/${azureTenantId}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(req.body);
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return {
          status: 401,
          json: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret' },
        };
      }
      const token = `tok-${tokens.size + 1}`;
      tokens.add(token);
      if (self) self.tokensIssued++;
      return { json: { token_type: 'Bearer', expires_in: 3599, access_token: token } };
    }
    const m = INCIDENTS.exec(req.url.pathname);
    if (!m) return { status: 404, json: { error: { code: 'NotFound' } } };
    if (!tokens.has(req.headers.authorization?.replace(/^Bearer /, '') ?? '')) {
      return {
        status: 401,
        json: { error: { code: 'InvalidAuthenticationToken', message: 'invalid token' } },
      };
    }
    if (!req.url.searchParams.get('api-version'))
      return { status: 400, json: { error: { code: 'MissingApiVersionParameter' } } };
    const since = /lastModifiedTimeUtc ge (\S+)/.exec(req.url.searchParams.get('$filter') ?? '')?.[1];
    const top = Number(req.url.searchParams.get('$top') ?? 50);
    const skip = Number(req.url.searchParams.get('$skipToken') ?? 0);
    const all = incidents
      .filter((i) => !since || Date.parse(i.properties.lastModifiedTimeUtc) >= Date.parse(since))
      .sort(
        (a, b) => Date.parse(a.properties.lastModifiedTimeUtc) - Date.parse(b.properties.lastModifiedTimeUtc),
      );
    const page = all.slice(skip, skip + top);
    const next = new URL(req.url.pathname + req.url.search, self?.url);
    next.searchParams.set('$skipToken', String(skip + top));
    return {
      json: {
        value: page.map((i) => ({
          id: `${req.url.pathname}/${i.name}`,
          name: i.name,
          etag: '"0"',
          type: 'Microsoft.SecurityInsights/Incidents',
          properties: i.properties,
        })),
        ...(skip + top < all.length ? { nextLink: next.toString() } : {}),
      },
    };
  };
  const server = await startStandIn(handle);
  self = Object.assign(server, { azureTenantId, clientId, clientSecret, incidents, tokensIssued: 0 });
  return self;
}
