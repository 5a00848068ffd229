import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface HealthReport {
  /** `ok` answers 200; anything else 503 so an orchestrator stops routing to / restarts us. */
  status: 'ok' | 'starting' | 'draining' | 'stopped' | 'database_unreachable';
  uptimeSeconds: number;
  queues: { name: string; queued: number; active: number }[];
}

export interface HealthServerOptions {
  port: number;
  host: string;
  registry: Registry;
  report: () => Promise<HealthReport>;
  log: Logger;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** `/healthz` (JSON) and `/metrics` (Prometheus text) on a loopback port by default. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { registry, report, log } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed');
      if (path === '/healthz') {
        const health = await report();
        return send(health.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(health));
      }
      if (path === '/metrics') return send(200, registry.contentType, await registry.metrics());
      return send(404, 'text/plain', 'not found');
    };
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    answer().catch((err: unknown) => {
      log.error({ err, path }, 'health endpoint failed');
      if (!res.headersSent) send(500, 'text/plain', 'internal error');
      else res.destroy();
    });
  });

  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  log.info({ port, host: options.host }, 'health server listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive scrapers would otherwise hold close() open.
        server.closeIdleConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
