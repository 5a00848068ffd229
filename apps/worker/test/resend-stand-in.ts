import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string | null;
  text: string | null;
};

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];

/**
 * A local server speaking Resend's `POST /emails`: bearer auth, validation errors in Resend's shape
 * (`{ statusCode, name, message }`), and its idempotency rule: the same `Idempotency-Key` with the
 * same body answers the first email's id without sending again; with another body it is a 409.
 * `failNext` scripts outages (status and error name) for the next requests.
 */
export async function resendStandIn(apiKey = 're_test_key') {
  const delivered: StandInEmail[] = [];
  const byKey = new Map<string, { id: string; hash: string }>();
  const failures: { status: number; name: string }[] = [];
  let requests = 0;

  const server: Server = createServer(async (req, res) => {
    requests++;
    const reply = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const body = await readBody(req);
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/emails') {
      return reply(404, { statusCode: 404, name: 'not_found', message: 'Route not found' });
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return reply(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' });
    }
    const failure = failures.shift();
    if (failure)
      return reply(failure.status, { statusCode: failure.status, name: failure.name, message: 'scripted' });
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return reply(400, { statusCode: 400, name: 'invalid_json', message: 'Invalid JSON' });
    }
    const to = asList(payload.to);
    if (typeof payload.from !== 'string' || to.length === 0 || typeof payload.subject !== 'string') {
      return reply(422, {
        statusCode: 422,
        name: 'validation_error',
        message: 'from, to and subject are required',
      });
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const hash = createHash('sha256').update(body).digest('hex');
    if (key) {
      const seen = byKey.get(key);
      if (seen && seen.hash !== hash) {
        return reply(409, {
          statusCode: 409,
          name: 'invalid_idempotent_request',
          message: 'Same idempotency key used with a different request payload',
        });
      }
      if (seen) return reply(200, { id: seen.id });
    }
    const id = crypto.randomUUID();
    if (key) byKey.set(key, { id, hash });
    delivered.push({
      id,
      idempotencyKey: key,
      from: payload.from,
      to,
      cc: asList(payload.cc),
      subject: payload.subject,
      html: typeof payload.html === 'string' ? payload.html : null,
      text: typeof payload.text === 'string' ? payload.text : null,
    });
    return reply(200, { id });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiKey,
    baseUrl: `http://127.0.0.1:${port}`,
    delivered,
    requests: () => requests,
    failNext: (count: number, status = 500, name = 'application_error') => {
      for (let i = 0; i < count; i++) failures.push({ status, name });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
