import { createHmac } from 'node:crypto';
import { vendorRequest } from '../http-poll/vendor-request';

/**
 * POSTs a JSON event to a customer webhook. With a secret, the body is signed like Palisade's own
 * ingest expects it (HMAC-SHA256 over `<unix seconds>.<body>`, `X-Palisade-Signature: sha256=<hex>`
 * with `X-Palisade-Timestamp`); `Idempotency-Key` lets the receiver drop a retried delivery.
 */
export async function postWebhook(input: {
  url: string;
  body: unknown;
  secret: string | null;
  idempotencyKey: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: Date;
}): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(input.body);
  const ts = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': input.idempotencyKey,
  };
  if (input.secret) {
    headers['x-palisade-timestamp'] = String(ts);
    headers['x-palisade-signature'] =
      `sha256=${createHmac('sha256', input.secret).update(`${ts}.${text}`, 'utf8').digest('hex')}`;
  }
  // The body is sent pre-serialized so the signature covers exactly these bytes.
  const res = await vendorRequest({
    vendor: 'Webhook',
    url: input.url,
    method: 'POST',
    headers,
    rawBody: text,
    ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return { status: res.status, body: res.body };
}
