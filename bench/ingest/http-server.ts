import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { openPostgres } from '@palisade/db/database';
import { pino } from 'pino';
import { z } from 'zod';
import { handleIngest } from '../../apps/web/src/server/ingest/handle-ingest';

// Child process: the ingest route handler behind node:http on 127.0.0.1 (what Next does around it).
const env = z
  .object({ BENCH_INGEST_DB: z.string().min(1), BENCH_POOL: z.coerce.number().int().default(10) })
  .parse(process.env);
const database = openPostgres({ url: env.BENCH_INGEST_DB, max: env.BENCH_POOL });
const log = pino({ level: 'warn' });
const secretKey = randomBytes(32);

const server = createServer((req, res) => {
  const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
    method: req.method ?? 'POST',
    headers: req.headers as Record<string, string>,
    body: Readable.toWeb(req) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  handleIngest(request, { db: database.db, secretKey: () => secretKey, log })
    .then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })
    .catch((err: unknown) => {
      log.error({ err }, 'ingest failed');
      res.writeHead(500).end();
    });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
// 'cpu' answers with this process's CPU time so far; 'stop' closes and exits.
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'stop') {
    server.close(() => void database.close().then(() => process.exit(0)));
    server.closeAllConnections();
  }
});
