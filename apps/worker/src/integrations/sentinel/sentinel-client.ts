import { z } from 'zod';
import { joinUrl, parseVendorBody, VendorHttpError, vendorRequest } from '../http-poll/vendor-request';

export type SentinelConnection = {
  /** Entra ID authority, `https://login.microsoftonline.com` in Azure's public cloud. */
  authorityUrl: string;
  /** Azure Resource Manager, `https://management.azure.com` in Azure's public cloud. */
  managementUrl: string;
  azureTenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  apiVersion: string;
  timeoutMs?: number;
  signal?: AbortSignal;
};

const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().optional() });
export const SentinelIncident = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    properties: z.looseObject({
      lastModifiedTimeUtc: z.iso.datetime({ offset: true }),
      title: z.string().optional(),
    }),
  })
  .loose();
export type SentinelIncident = z.infer<typeof SentinelIncident>;
const IncidentPage = z.object({ value: z.array(SentinelIncident), nextLink: z.url().optional() });

const VENDOR = 'Microsoft Sentinel';

/** Microsoft Sentinel incidents through Azure Resource Manager, with a client-credentials token. */
export class SentinelClient {
  private token: string | null = null;
  constructor(private readonly conn: SentinelConnection) {}

  private opts() {
    return {
      ...(this.conn.timeoutMs ? { timeoutMs: this.conn.timeoutMs } : {}),
      ...(this.conn.signal ? { signal: this.conn.signal } : {}),
    };
  }

  private async accessToken(): Promise<string> {
    if (this.token) return this.token;
    const res = await vendorRequest({
      vendor: `${VENDOR} token`,
      url: joinUrl(
        this.conn.authorityUrl,
        `${encodeURIComponent(this.conn.azureTenantId)}/oauth2/v2.0/token`,
      ),
      method: 'POST',
      form: {
        grant_type: 'client_credentials',
        client_id: this.conn.clientId,
        client_secret: this.conn.clientSecret,
        scope: `${new URL(this.conn.managementUrl).origin}/.default`,
      },
      ...this.opts(),
    });
    this.token = parseVendorBody(`${VENDOR} token`, TokenResponse, res.body, 'token').access_token;
    return this.token;
  }

  /** First page of incidents modified at or after `since`, oldest first. */
  incidentsUrl(since: Date, top: number): URL {
    const c = this.conn;
    const url = joinUrl(
      c.managementUrl,
      `subscriptions/${encodeURIComponent(c.subscriptionId)}/resourceGroups/${encodeURIComponent(c.resourceGroup)}` +
        `/providers/Microsoft.OperationalInsights/workspaces/${encodeURIComponent(c.workspace)}` +
        '/providers/Microsoft.SecurityInsights/incidents',
    );
    url.searchParams.set('api-version', c.apiVersion);
    url.searchParams.set('$filter', `properties/lastModifiedTimeUtc ge ${since.toISOString()}`);
    url.searchParams.set('$orderby', 'properties/lastModifiedTimeUtc asc');
    url.searchParams.set('$top', String(top));
    return url;
  }

  /** One page (the first page's URL or a `nextLink`); the bearer token goes only to ARM's own host. */
  async page(url: string | URL): Promise<{ incidents: SentinelIncident[]; nextLink: string | null }> {
    const target = new URL(url);
    if (target.origin !== new URL(this.conn.managementUrl).origin) {
      throw new VendorHttpError(VENDOR, 'bad_response', `nextLink points to another host (${target.origin})`);
    }
    const res = await vendorRequest({
      vendor: VENDOR,
      url: target,
      headers: { authorization: `Bearer ${await this.accessToken()}` },
      ...this.opts(),
    });
    const body = parseVendorBody(VENDOR, IncidentPage, res.body, 'incidents');
    return { incidents: body.value, nextLink: body.nextLink ?? null };
  }
}
