import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { takeRateToken } from '@palisade/db/queries/enrichment/take-rate-token';
import { useTestDatabase } from '@palisade/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeServer } from './test/fake-provider-server';

// Two processes on one PostgreSQL: the bucket lives in a row, so the limit holds across them.
// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase({ kind: 'postgres' });
const child = fileURLToPath(new URL('./test/take-tokens-child.ts', import.meta.url));

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

function runChild(args: string[]): Promise<{ granted: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    proc.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

const loginUrl = () => {
  const login = t.app;
  if (login.kind !== 'postgres') throw new Error('needs PostgreSQL');
  return login.url;
};

describe('provider rate limit shared across processes', () => {
  it('two processes together get exactly the bucket, and the provider sees no more requests', async () => {
    const bucket = { provider: 'two-process-test', capacity: 6, refillPerSecond: 0.0001 };
    const attempts = 10;
    const [fromChild, fromParent] = await Promise.all([
      runChild([
        loginUrl(),
        bucket.provider,
        String(bucket.capacity),
        String(bucket.refillPerSecond),
        String(attempts),
        server.url,
      ]),
      Promise.all(
        Array.from({ length: attempts }, async () => {
          const taken = await takeRateToken(t.app.db, bucket);
          if (taken.granted) await fetch(server.url);
          return taken.granted;
        }),
      ).then((r) => ({ granted: r.filter(Boolean).length })),
    ]);
    expect(fromChild.granted + fromParent.granted).toBe(bucket.capacity);
    expect(server.requests).toHaveLength(bucket.capacity);
  });

  it('a refused take says how long until the next token', async () => {
    const bucket = { provider: 'wait-hint-test', capacity: 1, refillPerSecond: 2 };
    expect(await takeRateToken(t.app.db, bucket)).toEqual({ granted: true });
    const refused = await takeRateToken(t.app.db, bucket);
    expect(refused.granted).toBe(false);
    if (refused.granted) throw new Error('unreachable');
    expect(refused.waitMs).toBeGreaterThan(0);
    expect(refused.waitMs).toBeLessThanOrEqual(500);
  });

  it('a bucket that never refills reports an unbounded wait', async () => {
    const bucket = { provider: 'no-refill-test', capacity: 1, refillPerSecond: 0 };
    await takeRateToken(t.app.db, bucket);
    expect(await takeRateToken(t.app.db, bucket)).toEqual({
      granted: false,
      waitMs: Number.POSITIVE_INFINITY,
    });
  });
});
