import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A failure the next matching request gets instead of the vendor's answer. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string; path?: RegExp }
  | { kind: 'malformed'; path?: RegExp }
  /** Never answers (the client's timeout fires); the socket is destroyed on close. */
  | { kind: 'hang'; path?: RegExp };

export type StandInRequest = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
};

export type StandInReply = { status?: number; json?: unknown; headers?: Record<string, string> };

export type StandIn = {
  url: string;
  requests: StandInRequest[];
  /** Queues faults; each is used once by the next request matching its `path`. */
  fail(...faults: Fault[]): void;
  close(): Promise<void>;
};

/**
 * A vendor API stand-in on 127.0.0.1 (node:http): `handle` answers like the vendor, faults injected
 * with `fail` answer 401/429/500, broken JSON or nothing at all first.
 */
export async function startStandIn(
  handle: (req: StandInRequest) => StandInReply | Promise<StandInReply>,
  contentType = 'application/json',
): Promise<StandIn> {
  const requests: StandInRequest[] = [];
  const faults: Fault[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: StandInRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const at = faults.findIndex((f) => !f.path || f.path.test(request.url.pathname));
      const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
      if (fault?.kind === 'hang') return;
      if (fault?.kind === 'malformed') {
        res.writeHead(200, { 'content-type': contentType });
        res.end('{"truncated": [1, 2');
        return;
      }
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, {
          'content-type': contentType,
          ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
        });
        res.end(fault.body ?? JSON.stringify({ error: `injected ${fault.status}` }));
        return;
      }
      Promise.resolve(handle(request)).then(
        (reply) => {
          res.writeHead(reply.status ?? 200, { 'content-type': contentType, ...reply.headers });
          res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        },
      );
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (...f) => {
      faults.push(...f);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export const unauthorized: StandInReply = {
  status: 401,
  json: { messages: [{ type: 'ERROR', text: 'Unauthorized' }] },
};
