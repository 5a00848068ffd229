// One command from a fresh clone to a running, seeded Palisade on the embedded database:
// installs pnpm and the workspace, builds the web app, then starts web + worker in one process.
// Secrets the embedded mode needs are generated on first start and kept beside the data
// (apps/web/src/env.ts), so sessions survive restarts.
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

function installedPnpm() {
  try {
    return execSync('pnpm --version', { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

if (installedPnpm() !== pnpmVersion) run(`npm install -g pnpm@${pnpmVersion} --no-fund --no-audit`);
run('pnpm install --frozen-lockfile');
run('pnpm --filter @palisade/web build');

const dataRoot = join(root, '.data');
mkdirSync(dataRoot, { recursive: true });
const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: port,
  PALISADE_DATA_DIR: process.env.PALISADE_DATA_DIR ?? join(dataRoot, 'pglite'),
  PALISADE_SEED_DEMO: process.env.PALISADE_SEED_DEMO ?? '1',
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
const server = spawn('pnpm', ['--filter', '@palisade/web', 'start'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
