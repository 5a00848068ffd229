import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as fx from '@palisade/worker/osint/test/vendor-fixtures';
import type { Prng } from './prng';

// Vendor stand-ins on 127.0.0.1 with an internet-like latency per request.
const BODIES: Record<string, unknown> = {
  virustotal: fx.vtIpMalicious,
  abuseipdb: fx.abuseCheckMalicious,
  greynoise: fx.greynoiseScanner,
  otx: fx.otxGeneral,
  urlscan: fx.urlscanSearch,
};

export type FakeProviders = {
  baseUrls: Record<string, string>;
  requests: () => number;
  close(): Promise<void>;
};

export async function startFakeProviders(
  latency: { minMs: number; maxMs: number },
  prng: Prng,
): Promise<FakeProviders> {
  let requests = 0;
  const servers: Server[] = [];
  const baseUrls: Record<string, string> = {};
  for (const [id, body] of Object.entries(BODIES)) {
    const server = createServer((req, res) => {
      requests += 1;
      req.resume();
      const delay = latency.minMs + prng() * (latency.maxMs - latency.minMs);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      }, delay);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    baseUrls[id] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
  return {
    baseUrls,
    requests: () => requests,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
