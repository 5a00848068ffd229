import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
};
export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };
export type FakeServer = {
  url: string;
  requests: RecordedRequest[];
  /** Replies are taken in order; the last one repeats. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
};

/** A vendor stand-in on 127.0.0.1 that records each request and replays canned answers. */
export async function startFakeServer(
  route?: (req: RecordedRequest) => Reply | undefined,
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [{ status: 200, body: {} }];
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
      requests.push(recorded);
      const reply = route?.(recorded) ?? (queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 500 };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    reply: (...replies) => {
      queue = replies;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
