import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRun } from '@palisade/db/queries/playbooks/runs';
import { listStepRuns } from '@palisade/db/queries/playbooks/step-runs';
import { type SeededTenant, seedTenants } from '@palisade/db/testing';
import { withTenantOn } from '@palisade/db/with-tenant';
import type { RunEvent } from '@palisade/playbook/run-event';
import type { JobDefinition } from '../src/jobs/define-job';
import { playbookJobsFor } from '../src/jobs/playbook-jobs';
import { deliverEmailJob } from '../src/notifications/deliver-email-job';
import { advanceRun } from '../src/playbooks/advance-run';
import { createExecutor, type Executor } from '../src/playbooks/executor';
import type { ExecutorConfigInput } from '../src/playbooks/executor-config';
import { savePlaybook } from '../src/playbooks/save-playbook';
import { type StartRunInput, startRun } from '../src/playbooks/start-run';
import { captureLogs } from './capture-logs';
import { startTestWorker, type TestWorker } from './start-test-worker';
import type { TestDatabase } from './test-database';
import { waitFor } from './wait-for';

export type Harness = ReturnType<typeof playbookHarness>;

/** Saves playbooks, starts runs and workers, and reads runs back, all through the real code paths. */
export function playbookHarness(db: TestDatabase, config: ExecutorConfigInput = {}) {
  const ex: Executor = createExecutor(captureLogs().logger, config);
  const sql = db.database.db;
  const tenant = <T>(tenantId: string, fn: Parameters<typeof withTenantOn<T>>[2]) =>
    withTenantOn(sql, tenantId, fn);
  return {
    ex,
    tenant,
    seed: (n: number): Promise<SeededTenant[]> => seedTenants(sql, n),
    // email.send queues a delivery job: its queue must exist (delivery stays in the built-in outbox).
    startWorker: (concurrency = 2): Promise<TestWorker> =>
      startTestWorker(db, [...playbookJobsFor(ex), deliverEmailJob as JobDefinition], { concurrency }),
    async save(tenantId: string, source: string, playbookId?: string) {
      const r = await tenant(tenantId, (tx) =>
        savePlaybook(tx, { tenantId, source, createdBy: null, ...(playbookId ? { playbookId } : {}) }),
      );
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
      return r;
    },
    async start(input: Omit<StartRunInput, 'trigger'> & { trigger?: StartRunInput['trigger'] }) {
      const r = await tenant(input.tenantId, (tx) => startRun(tx, ex, { trigger: 'manual', ...input }));
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.runId;
    },
    send: (tenantId: string, runId: string, event: RunEvent) =>
      tenant(tenantId, (tx) => advanceRun(tx, ex, tenantId, runId, event)),
    run: (tenantId: string, runId: string) => tenant(tenantId, (tx) => getRun(tx, tenantId, runId)),
    steps: (tenantId: string, runId: string) => tenant(tenantId, (tx) => listStepRuns(tx, tenantId, runId)),
    async settled(tenantId: string, runId: string, timeoutMs = 30_000) {
      return waitFor(
        async () => {
          const r = await tenant(tenantId, (tx) => getRun(tx, tenantId, runId));
          return r && r.run.status !== 'running' ? r : undefined;
        },
        { timeoutMs, what: `run ${runId} to finish` },
      );
    },
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A real HTTP server on 127.0.0.1 whose answer per path the test scripts; counts requests per path. */
export async function scriptedServer(routes: Record<string, Handler>) {
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route(req, res, n);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    count: (path: string) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
