import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/test-database';
import { waitFor } from '../test/wait-for';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** The worker entry point as its own process, the way `pnpm start` runs it. */
function spawnMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', WORKER_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, exited, lines };
}

describe('worker process', () => {
  let db: TestDatabase;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await db.close();
  });

  it('serves health on PostgreSQL, then drains and exits 0 on SIGTERM', async () => {
    if (db.database.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
    const main = spawnMain({ DATABASE_URL: db.database.url });
    child = main.child;
    const started = await waitFor(async () => main.lines().find((l) => l.msg === 'worker started'), {
      timeoutMs: 30_000,
      what: 'worker started',
    });
    const health = await fetch(`http://127.0.0.1:${started.port}/healthz`);
    expect(health.status).toBe(200);

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.lines().map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutdown requested', 'worker draining', 'worker stopped']),
    );
  });

  it('refuses to start without DATABASE_URL, since embedded PGlite belongs to the web process', async () => {
    const main = spawnMain({});
    expect(await main.exited).toBe(1);
    expect(main.lines()).toContainEqual(
      expect.objectContaining({ level: 60, msg: expect.stringMatching(/DATABASE_URL/) }),
    );
  });
});
