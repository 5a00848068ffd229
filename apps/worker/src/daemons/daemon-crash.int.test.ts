import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { setDaemonCursor } from '@palisade/db/queries/daemons/daemon-controls';
import { adminUrl } from '@palisade/db/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/wait-for';
import { type DaemonHarness, openDaemonHarness } from './test/daemon-harness';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const ROWS = 1000;

/** The real worker process (main.ts) with a short daemon lease, its JSON log lines readable. */
function spawnWorker(databaseUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'debug',
      WORKER_PORT: '0',
      WORKER_POLL_INTERVAL_SECONDS: '0.5',
      DAEMON_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, exited, lines };
}

const pgName = `daemon_crash_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

describe('a worker killed mid-run', () => {
  let h: DaemonHarness;
  let admin: postgres.Sql;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    h = await openDaemonHarness('postgres', 1);
    admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${pgName}`);
    const url = new URL(adminUrl());
    url.pathname = `/${pgName}`;
    const source = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await source.unsafe(`create table events (id int primary key, title text not null)`);
    await source.unsafe(`insert into events select g, 'event ' || g from generate_series(1, ${ROWS}) g`);
    await source.end();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await admin.unsafe(`drop database if exists ${pgName} with (force)`);
    await admin.end();
    await h.close();
  });

  it('loses and duplicates nothing after SIGKILL and restart; rewind re-ingests deduplicated', async () => {
    const [t] = h.tenants;
    if (!t || h.db.database.kind !== 'postgres') throw new Error('needs the PostgreSQL test database');
    const url = new URL(adminUrl());
    const d = await h.save(
      t.id,
      `name: crash
kind: sql-poll
schedule:
  every: 1h
inputs:
  driver: postgres
  host: ${url.hostname}
  port: ${url.port || 5432}
  database: ${pgName}
  user: ${decodeURIComponent(url.username) || 'root'}
  table: events
  cursorColumn: id
  idColumn: id
  pageSize: 5
rules:
  maxItemsPerRun: ${ROWS}
mapping:
  title: title
  sourceAlertId: $string(id)
`,
    );
    const ds = d.dataSourceId as string;
    const count = async () =>
      Number(
        (
          await h.query<{ n: string }>(
            'select count(*) as n from public.alerts where tenant_id = $1 and data_source_id = $2',
            [t.id, ds],
          )
        )[0]?.n,
      );

    // First worker: killed after a few committed batches, without any chance to clean up.
    const first = spawnWorker(h.db.database.url);
    child = first.child;
    await waitFor(
      async () =>
        first.lines().filter((l) => l.msg === 'daemon batch committed').length >= 3 ? true : undefined,
      {
        timeoutMs: 60_000,
        what: 'three committed batches',
      },
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await count();
    expect(atKill).toBeLessThan(ROWS);
    expect(atKill % 5).toBe(0); // whole batches only: the one in flight rolled back with its cursor

    // Second worker: the lease expires, the daemon is claimed again and resumes from the cursor.
    const second = spawnWorker(h.db.database.url);
    child = second.child;
    await waitFor(async () => ((await h.lastRun(t.id, d.id))?.status === 'succeeded' ? true : undefined), {
      timeoutMs: 120_000,
      what: 'the resumed run to finish',
    });
    const runs = await h.query<{ status: string; created: number; duplicates: number }>(
      'select status, created, duplicates from public.daemon_runs where tenant_id = $1 and daemon_id = $2 order by started_at',
      [t.id, d.id],
    );
    expect(runs.map((r) => r.status)).toEqual(['abandoned', 'succeeded']);
    expect(runs.reduce((s, r) => s + r.created, 0)).toBe(ROWS);
    expect(runs.reduce((s, r) => s + r.duplicates, 0)).toBe(0);
    const [distinct] = await h.query<{ n: string; total: string }>(
      "select count(distinct raw ->> 'id') as n, count(*) as total from public.alerts where tenant_id = $1 and data_source_id = $2",
      [t.id, ds],
    );
    expect(distinct).toEqual({ n: String(ROWS), total: String(ROWS) });
    const [cursor] = await h.query<{ value: unknown }>(
      'select value from public.daemon_cursors where tenant_id = $1 and daemon_id = $2',
      [t.id, d.id],
    );
    expect(cursor?.value).toEqual({ value: ROWS, id: ROWS });
    second.child.kill('SIGKILL');
    await second.exited;
    child = undefined;

    // Rewind to row 990 and run in-process: exactly rows 991..1000 are read again, all duplicates.
    await h.tenant(t.id, (tx) =>
      setDaemonCursor(tx, {
        tenantId: t.id,
        daemonId: d.id,
        actorUserId: null,
        value: { value: 990, id: 990 },
        reason: 'rewind',
      }),
    );
    await h.query(
      'update public.daemons set next_run_at = now(), lease_until = null, lease_owner = null where tenant_id = $1 and id = $2',
      [t.id, d.id],
    );
    const s = h.scheduler();
    expect(await s.tick()).toBe(1);
    await s.idle();
    expect(await h.lastRun(t.id, d.id)).toMatchObject({
      status: 'succeeded',
      fetched: 10,
      created: 0,
      duplicates: 10,
    });
    expect(await count()).toBe(ROWS);
  }, 300_000);
});
