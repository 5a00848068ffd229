import type { CloseAlertTarget } from '@palisade/db/schema';
import { ElasticClient } from '../integrations/elastic/elastic-client';
import { SplunkClient } from '../integrations/splunk/splunk-client';
import { postWebhook } from '../integrations/webhook/webhook-client';

export type CloseRequest = {
  url: string;
  secret: string | null;
  sourceAlertIds: string[];
  /** Shown in the SIEM next to the closed alert. */
  comment: string;
  /** The webhook's body. */
  event: Record<string, unknown>;
  idempotencyKey: string;
  signal?: AbortSignal;
  timeoutMs: number;
};

/** Closes the alerts in one source system; resolves to the system's own words, throws a VendorHttpError. */
export type SourceAlertCloser = (req: CloseRequest) => Promise<string>;

const needSecret = (req: CloseRequest, what: string): string => {
  if (!req.secret) throw new Error(`no ${what} stored for this data source's close setting`);
  return req.secret;
};

export const SOURCE_ALERT_CLOSERS: Record<CloseAlertTarget, SourceAlertCloser> = {
  // Splunk ES status 5 = Closed; notables are addressed by their event_id.
  splunk_es: (req) =>
    new SplunkClient({
      baseUrl: req.url,
      token: needSecret(req, 'Splunk token'),
      timeoutMs: req.timeoutMs,
      ...(req.signal ? { signal: req.signal } : {}),
    }).updateNotables(req.sourceAlertIds, { status: 5, comment: req.comment }),
  elastic: async (req) => {
    const updated = await new ElasticClient({
      baseUrl: req.url,
      apiKey: needSecret(req, 'Elastic API key'),
      api: 'kibana',
      timeoutMs: req.timeoutMs,
      ...(req.signal ? { signal: req.signal } : {}),
    }).setAlertStatus(req.sourceAlertIds, 'closed');
    return `${updated} alert(s) closed`;
  },
  webhook: async (req) => {
    const res = await postWebhook({
      url: req.url,
      body: req.event,
      secret: req.secret,
      idempotencyKey: req.idempotencyKey,
      timeoutMs: req.timeoutMs,
      ...(req.signal ? { signal: req.signal } : {}),
    });
    return `webhook answered ${res.status}`;
  },
};
