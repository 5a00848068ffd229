import { randomUUID } from 'node:crypto';
import { scheduleDaemonRun, setDaemonCursor } from '@palisade/db/queries/daemons/daemon-controls';
import { adminUrl } from '@palisade/db/testing';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_KINDS } from '../../../../test/test-database';
import { type DaemonHarness, openDaemonHarness } from '../../test/daemon-harness';

/** A real external source: a scratch PostgreSQL database, and a table in MariaDB's `test` database. */
const pgName = `daemon_src_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const myTable = `events_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let admin: postgres.Sql;
let source: postgres.Sql;
let maria: mysql.Connection;

beforeAll(async () => {
  admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${pgName}`);
  const url = new URL(adminUrl());
  url.pathname = `/${pgName}`;
  source = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await source.unsafe(
    'create table events (id serial primary key, created_at timestamptz not null default now(), title text not null)',
  );
  maria = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: 'test' });
  await maria.query(
    `create table ${myTable} (id int auto_increment primary key, title varchar(200) not null)`,
  );
});
afterAll(async () => {
  await source.end();
  await admin.unsafe(`drop database if exists ${pgName}`);
  await admin.end();
  await maria.query(`drop table if exists ${myTable}`);
  await maria.end();
});

const insertPg = (titles: string[]) =>
  source`insert into events ${source(titles.map((title) => ({ title })))}`;
const insertMaria = (titles: string[]) =>
  maria.query(`insert into ${myTable} (title) values ?`, [titles.map((t) => [t])]);

function pgYaml(name: string, maxItems: number) {
  const url = new URL(adminUrl());
  return `name: ${name}
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
rules:
  maxItemsPerRun: ${maxItems}
mapping:
  title: title
  sourceAlertId: $string(id)
`;
}

describe.each(TEST_DATABASE_KINDS)('sql-poll daemon on %s', (kind) => {
  let h: DaemonHarness;
  beforeAll(async () => {
    h = await openDaemonHarness(kind, 1);
  });
  afterAll(() => h.close());

  /** Run now, through the real scheduler claim, and wait for the run to finish. */
  async function runNow(tenantId: string, daemonId: string) {
    await h.tenant(tenantId, (tx) =>
      scheduleDaemonRun(tx, { tenantId, daemonId, actorUserId: null, at: new Date(), reason: 'run_now' }),
    );
    const s = h.scheduler();
    expect(await s.tick()).toBe(1);
    await s.idle();
    return h.lastRun(tenantId, daemonId);
  }
  const titles = async (tenantId: string, dataSourceId: string) =>
    (await h.alerts(tenantId, dataSourceId)).map((r) => (r.raw as { title: string }).title).sort();
  const cursorOf = async (tenantId: string, daemonId: string) =>
    (
      await h.query<{ value: unknown }>(
        'select value from public.daemon_cursors where tenant_id = $1 and daemon_id = $2',
        [tenantId, daemonId],
      )
    )[0]?.value;

  it('PostgreSQL: reads new rows in keyset pages up to maxItemsPerRun, cursor committed with the alerts', async () => {
    const [t] = h.tenants;
    if (!t) throw new Error('no tenant');
    const name = `pg-${kind}`;
    await source`truncate events restart identity`;
    await insertPg(['a', 'b', 'c', 'd', 'e']);
    const d = await h.save(t.id, pgYaml(name, 3));
    const ds = d.dataSourceId as string;

    // Created with an interval schedule: due at once.
    expect(await runNow(t.id, d.id)).toMatchObject({
      status: 'succeeded',
      fetched: 3,
      created: 3,
      duplicates: 0,
    });
    expect(await cursorOf(t.id, d.id)).toEqual({ value: 3, id: 3 });
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 2, created: 2 });
    await insertPg(['f', 'g']);
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 2, created: 2 });
    expect(await titles(t.id, ds)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(await cursorOf(t.id, d.id)).toEqual({ value: 7, id: 7 });

    // Rewind to row 4: rows 5..7 are read again and deduplicated by their source id.
    await h.tenant(t.id, (tx) =>
      setDaemonCursor(tx, {
        tenantId: t.id,
        daemonId: d.id,
        actorUserId: null,
        value: { value: 4, id: 4 },
        reason: 'rewind',
      }),
    );
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 3, created: 0, duplicates: 3 });
    // Reset: from the beginning, all duplicates, nothing new.
    await h.tenant(t.id, (tx) =>
      setDaemonCursor(tx, {
        tenantId: t.id,
        daemonId: d.id,
        actorUserId: null,
        value: null,
        reason: 'reset',
      }),
    );
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 3, created: 0, duplicates: 3 });
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 3, created: 0, duplicates: 3 });
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 1, created: 0, duplicates: 1 });
    expect(await titles(t.id, ds)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const history = await h.query<{ reason: string }>(
      'select reason from public.daemon_cursor_history where tenant_id = $1 and daemon_id = $2 order by id',
      [t.id, d.id],
    );
    expect(history.map((r) => r.reason)).toEqual([
      'run',
      'run',
      'run',
      'rewind',
      'run',
      'reset',
      'run',
      'run',
      'run',
    ]);
  });

  it('MariaDB: reads new rows since the cursor column', async () => {
    const [t] = h.tenants;
    if (!t) throw new Error('no tenant');
    await maria.query(`truncate table ${myTable}`);
    await insertMaria(['m1', 'm2']);
    const d = await h.save(
      t.id,
      `name: maria-${kind}
kind: sql-poll
schedule:
  every: 1h
inputs:
  driver: mariadb
  host: 127.0.0.1
  database: test
  user: root
  table: ${myTable}
  cursorColumn: id
  idColumn: id
mapping:
  title: title
`,
    );
    expect(await runNow(t.id, d.id)).toMatchObject({ status: 'succeeded', fetched: 2, created: 2 });
    await insertMaria(['m3']);
    expect(await runNow(t.id, d.id)).toMatchObject({ fetched: 1, created: 1 });
    expect(await titles(t.id, d.dataSourceId as string)).toEqual(['m1', 'm2', 'm3']);
    expect(await cursorOf(t.id, d.id)).toEqual({ value: 3, id: 3 });
  });
});
