import { ElasticClient } from '@palisade/worker/integrations/elastic/elastic-client';
import { fetchHttpPollPage, HttpPollConfig } from '@palisade/worker/integrations/http-poll/http-poll';
import { ImapMailbox } from '@palisade/worker/integrations/imap/imap-mailbox';
import { MispClient } from '@palisade/worker/integrations/misp/misp-client';
import { SentinelClient } from '@palisade/worker/integrations/sentinel/sentinel-client';
import { SplunkClient } from '@palisade/worker/integrations/splunk/splunk-client';
import { TaxiiClient } from '@palisade/worker/integrations/taxii/taxii-client';

const TIMEOUT_MS = 10_000;

type Probe = (c: {
  baseUrl: string | null;
  secret: string;
  params: Record<string, unknown>;
}) => Promise<string>;

const need = (baseUrl: string | null) => {
  if (!baseUrl) throw new Error('no base URL stored for this credential');
  return baseUrl;
};

/**
 * One harmless read per kind with the vendor client the daemon uses, so the answer is what the
 * daemon would get: it authenticates and reads nothing it would store. Returns what was reached.
 */
const PROBES: Record<string, Probe> = {
  // An unknown sid: Splunk answers 404 to an authenticated caller and 401 otherwise.
  splunk: async ({ baseUrl, secret }) => {
    const client = new SplunkClient({ baseUrl: need(baseUrl), token: secret, timeoutMs: TIMEOUT_MS });
    await client.job('palisade-connection-test');
    return 'search API reachable';
  },
  elastic: async ({ baseUrl, secret, params }) => {
    const api = params.api === 'elasticsearch' ? 'elasticsearch' : 'kibana';
    const client = new ElasticClient({ baseUrl: need(baseUrl), apiKey: secret, api, timeoutMs: TIMEOUT_MS });
    await client.searchAlerts({ from: new Date(), searchAfter: null, size: 1 });
    return 'alerts search reachable';
  },
  sentinel: async ({ baseUrl, secret, params }) => {
    const client = new SentinelClient({
      authorityUrl: String(params.authorityUrl),
      managementUrl: baseUrl ?? 'https://management.azure.com',
      azureTenantId: String(params.azureTenantId),
      clientId: String(params.clientId),
      clientSecret: secret,
      subscriptionId: String(params.subscriptionId),
      resourceGroup: String(params.resourceGroup),
      workspace: String(params.workspace),
      apiVersion: '2023-02-01',
      timeoutMs: TIMEOUT_MS,
    });
    await client.page(client.incidentsUrl(new Date(), 1));
    return 'token issued and incidents readable';
  },
  misp: async ({ baseUrl, secret }) => {
    const client = new MispClient({ baseUrl: need(baseUrl), apiKey: secret, timeoutMs: TIMEOUT_MS });
    await client.searchAttributes({ since: Math.floor(Date.now() / 1000), page: 1, limit: 1 });
    return 'attribute search reachable';
  },
  taxii: async ({ baseUrl, secret, params }) => {
    const type = params.auth === 'bearer' ? ('bearer' as const) : ('basic' as const);
    const client = new TaxiiClient({ auth: { type, secret }, timeoutMs: TIMEOUT_MS });
    const root = await client.apiRoot(need(baseUrl), undefined);
    return `API root ${root}`;
  },
  imap: async ({ secret, params }) => {
    const mailbox = await ImapMailbox.open(
      {
        host: String(params.host),
        port: Number(params.port),
        secure: params.secure !== 'plain',
        user: String(params.user),
        password: secret,
        timeoutMs: TIMEOUT_MS,
      },
      'INBOX',
    );
    await mailbox.close();
    return 'logged in, INBOX opened';
  },
  http: async ({ baseUrl, secret, params }) => {
    const auth =
      params.auth === 'header'
        ? { type: 'header' as const, name: String(params.headerName ?? '') }
        : { type: params.auth === 'basic' ? ('basic' as const) : ('bearer' as const) };
    const config = HttpPollConfig.parse({
      url: need(baseUrl),
      auth,
      idPath: 'id',
      itemsPath: params.itemsPath ?? '',
      timeoutMs: TIMEOUT_MS,
    });
    const page = await fetchHttpPollPage({
      config,
      cursor: null,
      secret,
      lookBackFrom: new Date(),
      maxItems: 1,
    });
    return `${page.items.length + page.failed.length} item(s) on the first page`;
  },
};

/** Tests a connector credential; `message` is the vendor client's reason on failure. */
export async function probeConnectorCredential(
  kindId: string,
  c: Parameters<Probe>[0],
): Promise<{ ok: boolean; message: string }> {
  const probe = PROBES[kindId];
  if (!probe) return { ok: false, message: `no connection test for ${kindId}` };
  try {
    return { ok: true, message: `connected: ${await probe(c)}` };
  } catch (err) {
    // Vendor clients throw VendorHttpError / ImapError whose message names the vendor and reason.
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
