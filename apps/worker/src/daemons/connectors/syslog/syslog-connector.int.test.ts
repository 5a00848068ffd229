import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '../../../../test/test-database';
import { waitFor } from '../../../../test/wait-for';
import type { ListenerService } from '../../listener-service';
import { type DaemonHarness, openDaemonHarness } from '../../test/daemon-harness';

const CEF =
  'CEF:0|Palo Alto Networks|PAN-OS|10.1|THREAT|url blocked|8|src=10.1.1.5 dst=203.0.113.9 request=http://evil.example/x';
const RFC5424 = '<34>1 2026-11-23T10:00:00Z fw01 sshd 42 ID47 - Failed password for root from 198.51.100.7';
const RFC3164 = '<13>Nov 23 10:00:01 web01 nginx[7]: GET /admin from 192.0.2.44';
const LEEF = 'LEEF:1.0|Lancope|StealthWatch|1.0|41|src=10.0.0.1\tdst=10.0.0.2';

function yaml(name: string, inputs: string, extra = '') {
  return `name: ${name}\nkind: syslog\nschedule:\n  listen: true\ninputs:\n${inputs}\n${extra}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

function sendTcp(address: string, payload: string): Promise<void> {
  const url = new URL(address.split(' ').find((a) => a.startsWith('tcp://')) as string);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.end(payload, () => resolve());
    });
    socket.on('error', reject);
  });
}

function sendUdp(address: string, messages: string[]): Promise<void> {
  const url = new URL(address.split(' ').find((a) => a.startsWith('udp://')) as string);
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    let left = messages.length;
    for (const m of messages) {
      socket.send(m, Number(url.port), url.hostname, (err) => {
        if (err) return reject(err);
        if (--left === 0) socket.close(() => resolve());
      });
    }
  });
}

const octets = (m: string) => `${Buffer.byteLength(m)} ${m}`;

describe.each(TEST_DATABASE_KINDS)('syslog listener daemon on %s', (kind) => {
  let h: DaemonHarness;
  let listeners: ListenerService;

  beforeAll(async () => {
    h = await openDaemonHarness(kind);
    listeners = h.listeners();
  });
  afterAll(async () => {
    await listeners.stop();
    await h.close();
  });

  it('accepts RFC 6587 octet-counted and newline-framed TCP, every format, into alerts', async () => {
    const [a] = h.tenants;
    if (!a) throw new Error('no tenant');
    const d = await h.save(
      a.id,
      yaml('fw-tcp', '  port: 0\n  host: 127.0.0.1\n  protocols: [tcp]\n  flushMs: 20'),
    );
    await listeners.sync();
    const address = await (listeners.addressOf(d.id) as Promise<string>);
    // Mixed framing on one connection, the octet-counted frame split across writes by the kernel.
    await sendTcp(address, `${octets(`<14>${CEF}`)}${RFC5424}\n${octets(RFC3164)}${LEEF}\n`);
    const alerts = await waitFor(
      async () => {
        const rows = await h.alerts(a.id, d.dataSourceId as string);
        return rows.length === 4 ? rows : undefined;
      },
      { what: '4 syslog alerts' },
    );
    // No mapping: the original line is stored so the intake's CEF/LEEF/syslog mappers apply.
    expect(alerts.map((r) => r.raw).sort()).toEqual([`<14>${CEF}`, RFC5424, RFC3164, LEEF].sort());
    expect(await h.lastRun(a.id, d.id)).toMatchObject({ fetched: 4, created: 4, status: 'running' });
  });

  it('routes a shared UDP port by source CIDR, filters with JSONata and maps with the YAML mapping', async () => {
    const [a, b] = h.tenants;
    if (!a || !b) throw new Error('no tenants');
    const port = await freePort();
    // Tenant A owns 127.0.0.0/8 senders; tenant B is the port's catch-all and gets nothing from loopback.
    const da = await h.save(
      a.id,
      yaml(
        'shared-a',
        `  port: ${port}\n  host: 127.0.0.1\n  protocols: [udp]\n  sources: [127.0.0.0/8]\n  flushMs: 20`,
        "filter: format = 'cef'\nmapping:\n  title: cef.name\n  severity: cef.severity\n  sourceAlertId: cef.signatureId\n",
      ),
    );
    const db = await h.save(
      b.id,
      yaml('shared-b', `  port: ${port}\n  host: 127.0.0.1\n  protocols: [udp]\n  flushMs: 20`),
    );
    await listeners.sync();
    const address = await (listeners.addressOf(da.id) as Promise<string>);
    await sendUdp(address, [`<14>${CEF}`, RFC3164, `<14>${CEF.replace('url blocked', 'second')}`]);
    const alerts = await waitFor(
      async () => {
        const rows = await h.alerts(a.id, da.dataSourceId as string);
        return rows.length === 2 ? rows : undefined;
      },
      { what: 'two CEF alerts for tenant A' },
    );
    expect(alerts.map((r) => (r.raw as { cef: { name: string } }).cef.name).sort()).toEqual([
      'second',
      'url blocked',
    ]);
    expect(await h.lastRun(a.id, da.id)).toMatchObject({ fetched: 3, created: 2, filtered: 1 });
    expect(await h.alerts(b.id, db.dataSourceId as string)).toEqual([]);
  });

  it('stops a disabled listener and closes its port', async () => {
    const [a] = h.tenants;
    if (!a) throw new Error('no tenant');
    const d = await h.save(a.id, yaml('to-stop', '  port: 0\n  host: 127.0.0.1\n  protocols: [tcp]'));
    await listeners.sync();
    const address = await (listeners.addressOf(d.id) as Promise<string>);
    await h.query(
      'update public.daemons set enabled = false, version = version + 1 where tenant_id = $1 and id = $2',
      [a.id, d.id],
    );
    await listeners.sync();
    expect(listeners.addressOf(d.id)).toBeUndefined();
    await expect(sendTcp(address, `${RFC3164}\n`)).rejects.toThrow(/ECONNREFUSED/);
    expect((await h.lastRun(a.id, d.id))?.status).toBe('succeeded');
  });
});
