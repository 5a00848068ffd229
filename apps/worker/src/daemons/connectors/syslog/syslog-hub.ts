import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import { SyslogFramer } from './syslog-framer';

export type Protocol = 'udp' | 'tcp';
export type Received = { message: string; sourceAddress: string; receivedAt: Date };

/** One daemon's claim on a port: the source ranges it owns (none = every sender not claimed by a range). */
export type Route = {
  id: string;
  cidrs: readonly string[];
  /** Takes messages synchronously; returns true when the route's buffer is over its high-water mark. */
  accept(messages: Received[]): boolean;
  /** Counts messages that could not be read (oversized frames). */
  reject(count: number): void;
};

type Endpoint = {
  key: string;
  protocol: Protocol;
  routes: Map<string, { route: Route; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] }>;
  close(): Promise<void>;
  address: string;
  /** TCP sockets paused because a route's buffer is full. */
  paused: Set<Socket>;
};

/**
 * The sockets of all syslog daemons of this worker. Daemons of several tenants may share a port:
 * each message goes to the route whose CIDR contains the sender (the most specific one), else to the
 * port's catch-all route; a port with a single daemon needs no ranges. Unrouted senders are dropped.
 */
export class SyslogHub {
  private readonly endpoints = new Map<string, Endpoint>();

  /** Binds (or joins) the endpoint and adds the route; returns the bound address and a detach function. */
  async attach(
    protocol: Protocol,
    host: string,
    port: number,
    route: Route,
  ): Promise<{ address: string; detach: () => Promise<void> }> {
    // Port 0 (tests, benchmarks): a private ephemeral endpoint per route.
    const key = port === 0 ? `${protocol}:${host}:0:${route.id}` : `${protocol}:${host}:${port}`;
    let ep = this.endpoints.get(key);
    if (!ep) {
      ep = await (protocol === 'tcp' ? this.bindTcp(key, host, port) : this.bindUdp(key, host, port));
      this.endpoints.set(key, ep);
    }
    const ranges = route.cidrs.map((c) => ipaddr.parseCIDR(c));
    for (const other of ep.routes.values()) {
      if (ranges.length === 0 && other.ranges.length === 0) {
        throw new Error(
          `${protocol} port ${port} already has a catch-all daemon: give this one source ranges (sources)`,
        );
      }
    }
    ep.routes.set(route.id, { route, ranges });
    const endpoint = ep;
    return {
      address: endpoint.address,
      detach: async () => {
        endpoint.routes.delete(route.id);
        if (endpoint.routes.size === 0) {
          this.endpoints.delete(endpoint.key);
          await endpoint.close();
        }
      },
    };
  }

  /** Resumes TCP senders once the routes have room again. */
  resume(): void {
    for (const ep of this.endpoints.values()) {
      for (const s of ep.paused) s.resume();
      ep.paused.clear();
    }
  }

  private routeFor(ep: Endpoint, address: string): Route | undefined {
    let best: { route: Route; bits: number } | undefined;
    let fallback: Route | undefined;
    let addr: ipaddr.IPv4 | ipaddr.IPv6 | undefined;
    try {
      addr = ipaddr.process(address);
    } catch {
      addr = undefined;
    }
    for (const { route, ranges } of ep.routes.values()) {
      if (ranges.length === 0) {
        fallback = route;
        continue;
      }
      if (!addr) continue;
      for (const [net, bits] of ranges) {
        if (net.kind() === addr.kind() && addr.match(net, bits) && (!best || bits > best.bits))
          best = { route, bits };
      }
    }
    return best?.route ?? fallback;
  }

  private deliver(ep: Endpoint, address: string, messages: Received[], socket?: Socket): void {
    const route = this.routeFor(ep, address);
    if (!route) return;
    const full = route.accept(messages);
    if (full && socket) {
      socket.pause();
      ep.paused.add(socket);
    }
  }

  private bindTcp(key: string, host: string, port: number): Promise<Endpoint> {
    const sockets = new Set<Socket>();
    const ep: Endpoint = {
      key,
      protocol: 'tcp',
      routes: new Map(),
      address: '',
      paused: new Set(),
      close: async () => {},
    };
    const server: Server = createServer((socket) => {
      sockets.add(socket);
      const framer = new SyslogFramer();
      const source = socket.remoteAddress ?? '';
      const out = (frames: string[]) => {
        if (frames.length === 0) return;
        const receivedAt = new Date();
        this.deliver(
          ep,
          source,
          frames.map((message) => ({ message, sourceAddress: source, receivedAt })),
          socket,
        );
      };
      socket.on('data', (chunk: Buffer) => {
        const { frames, oversized } = framer.push(chunk);
        if (oversized > 0) this.routeFor(ep, source)?.reject(oversized);
        out(frames);
      });
      socket.on('end', () => out(framer.flush()));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        ep.paused.delete(socket);
      });
    });
    ep.close = () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const a = server.address();
        ep.address = typeof a === 'object' && a ? `tcp://${a.address}:${a.port}` : `tcp://${host}:${port}`;
        resolve(ep);
      });
    });
  }

  private bindUdp(key: string, host: string, port: number): Promise<Endpoint> {
    const socket: UdpSocket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const ep: Endpoint = {
      key,
      protocol: 'udp',
      routes: new Map(),
      address: '',
      paused: new Set(),
      close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
    };
    socket.on('message', (msg, rinfo) => {
      // One datagram is one message (RFC 5426); a trailing newline is not part of it.
      const message = msg.toString('utf8').replace(/[\r\n\0]+$/, '');
      if (message)
        this.deliver(ep, rinfo.address, [{ message, sourceAddress: rinfo.address, receivedAt: new Date() }]);
    });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        const a = socket.address();
        ep.address = `udp://${a.address}:${a.port}`;
        resolve(ep);
      });
    });
  }
}

/** The worker's one hub: daemons of every tenant share its sockets. */
export const syslogHub = new SyslogHub();
