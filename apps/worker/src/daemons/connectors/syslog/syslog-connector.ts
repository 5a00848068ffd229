import { randomUUID } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { type AlertItem, defineListeningConnector } from '../../connector';
import { parseSyslogMessage } from './parse-syslog-message';
import { type Received, syslogHub } from './syslog-hub';

const Cidr = z.string().refine((c) => {
  try {
    ipaddr.parseCIDR(c);
    return true;
  } catch {
    return false;
  }
}, 'not a CIDR range (e.g. 10.0.0.0/8 or 2001:db8::/32)');

export const SyslogConfig = z
  .object({
    port: z.int().min(0).max(65_535).describe('Port to listen on (514 needs privileges; 0 picks a free one)'),
    host: z.string().min(1).default('0.0.0.0').describe('Address to bind'),
    protocols: z
      .array(z.enum(['udp', 'tcp']))
      .min(1)
      .default(['udp', 'tcp']),
    /** Senders this daemon (tenant) owns on a shared port; empty = every sender no other daemon claims. */
    sources: z.array(Cidr).default([]),
    batchSize: z.int().min(1).max(1000).default(500).describe('Messages per write'),
    flushMs: z
      .int()
      .min(10)
      .max(10_000)
      .default(200)
      .describe('Longest wait before a partial batch is written'),
  })
  .strict();
export type SyslogConfig = z.infer<typeof SyslogConfig>;

/**
 * Syslog receiver: UDP datagrams and TCP streams (RFC 6587 octet counting or newline framing),
 * RFC 5424 / 3164 headers with CEF or LEEF payloads. Messages are batched and handed to the
 * framework, which filters, maps and stores them; a TCP sender is paused while its batch waits,
 * so a flood slows the sender instead of growing memory or dropping messages.
 */
export const syslogConnector = defineListeningConnector({
  kind: 'syslog',
  title: 'Syslog listener (UDP/TCP, RFC 5424/3164, CEF, LEEF)',
  mode: 'listen',
  output: 'alerts',
  configSchema: SyslogConfig,
  async listen(ctx) {
    const { config, signal } = ctx;
    const session = randomUUID();
    let seq = 0;
    let buffer: AlertItem[] = [];
    let failed = 0;
    let timer: NodeJS.Timeout | undefined;
    let flushing: Promise<void> = Promise.resolve();
    let fatal: unknown;
    const highWater = config.batchSize * 4;

    const flush = (): Promise<void> => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      flushing = flushing.then(async () => {
        while (buffer.length > 0 || failed > 0) {
          const items = buffer.slice(0, config.batchSize);
          buffer = buffer.slice(items.length);
          const bad = failed;
          failed = 0;
          try {
            await ctx.emit(items, { fetched: items.length + bad, failed: bad });
          } catch (err) {
            // The database refused the batch: stop the listener (the service retries it) rather than lose more.
            fatal = err;
            controller.abort();
            return;
          }
        }
        syslogHub.resume();
      });
      return flushing;
    };
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });

    const accept = (messages: Received[]): boolean => {
      for (const m of messages) {
        const event = parseSyslogMessage(m.message, m.sourceAddress, m.receivedAt);
        buffer.push({ sourceId: `${session}:${seq++}`, event, raw: m.message });
      }
      if (buffer.length >= config.batchSize) void flush();
      else timer ??= setTimeout(() => void flush(), config.flushMs);
      return buffer.length >= highWater;
    };
    const detachers: (() => Promise<void>)[] = [];
    try {
      const addresses: string[] = [];
      for (const protocol of config.protocols) {
        const { address, detach } = await syslogHub.attach(protocol, config.host, config.port, {
          id: ctx.daemonId,
          cidrs: config.sources,
          accept,
          reject: (n) => {
            failed += n;
          },
        });
        detachers.push(detach);
        addresses.push(address);
      }
      ctx.ready({ address: addresses.join(' ') });
      ctx.log.info({ addresses }, 'syslog listener ready');
      if (!controller.signal.aborted) {
        await new Promise<void>((resolve) =>
          controller.signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      }
    } finally {
      signal.removeEventListener('abort', stop);
      for (const detach of detachers) await detach();
      // What was received before the sockets closed is still written.
      if (!fatal) await flush();
    }
    if (fatal) throw fatal;
  },
});
