import { createHmac } from 'node:crypto';
import { type StandIn, type StandInRequest, startStandIn } from '../../http-poll/test/stand-in-server';

export type WebhookStandIn = StandIn & {
  /** Deliveries whose signature matched, by idempotency key (a repeated key is stored once). */
  received: Map<string, { body: unknown; headers: StandInRequest['headers'] }>;
};

/** A customer webhook receiver: checks the Palisade signature when a secret is set, answers 202. */
export async function startWebhookStandIn(secret: string | null): Promise<WebhookStandIn> {
  const received: WebhookStandIn['received'] = new Map();
  const handle = (req: StandInRequest) => {
    if (secret) {
      const ts = String(req.headers['x-palisade-timestamp'] ?? '');
      const want = `sha256=${createHmac('sha256', secret).update(`${ts}.${req.body}`).digest('hex')}`;
      if (req.headers['x-palisade-signature'] !== want)
        return { status: 401, json: { error: 'bad signature' } };
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!received.has(key)) received.set(key, { body: JSON.parse(req.body), headers: req.headers });
    return { status: 202, json: { accepted: true } };
  };
  const server = await startStandIn(handle);
  return Object.assign(server, { received });
}
