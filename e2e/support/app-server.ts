import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

const webDir = join(import.meta.dirname, '..', '..', 'apps', 'web');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForReady(url: string, proc: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`app exited with ${proc.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/sign-in`, { redirect: 'manual' });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app did not become ready:\n${output()}`);
}

/**
 * Starts the built web app the way the README's demo does: embedded PGlite in a fresh data
 * folder, demo seed, in-process worker. Extra env (e.g. DATABASE_URL) switches mode.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'palisade-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const proc = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: webDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PALISADE_DATA_DIR: dataDir,
      PALISADE_SEED_DEMO: '1',
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      WORKER_PORT: String(await freePort()),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const output = () => log;
  await waitForReady(url, proc, output);
  return {
    url,
    output,
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
