import type { SeededTenant } from '@palisade/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, playbookHarness, scriptedServer } from '../../test/playbook-harness';
import type { TestWorker } from '../../test/start-test-worker';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../test/test-database';
import { waitFor } from '../../test/wait-for';

const chain = Array.from({ length: 8 }, (_, i) => {
  const n = i + 1;
  return n === 1
    ? '  - id: s1\n    uses: var.set\n    with: { value: 1 }'
    : `  - id: s${n}\n    needs: s${n - 1}\n    uses: var.set\n    with:\n      value: \${{ steps.s${n - 1}.output.value + 1 }}`;
}).join('\n');

const TEN_STEPS = `
id: ten-steps
name: Ten steps
version: 1
trigger: { type: manual }
inputs:
  to: { type: string, required: true }
steps:
${chain}
  - id: s9
    needs: s8
    uses: ioc.extract
    with: { text: "beacon to hxxp://bad[.]example and 8.8.8.8" }
  - id: s10
    needs: s9
    uses: email.send
    with:
      to: \${{ [inputs.to] }}
      subject: "Ten steps done: \${{ steps.s8.output.value }}"
      body: "IOCs found: \${{ $count(steps.s9.output.iocs) }}"
`;

const BRANCHES = (url: string) => `
id: branches
name: Branches
version: 1
trigger: { type: manual }
steps:
  - id: list
    uses: var.set
    with:
      value: ["a@example.com", "b@example.com", "c@example.com"]
  - id: never
    needs: list
    if: "false"
    uses: email.send
    with: { to: ["x@example.com"], subject: never, body: never }
  - id: each
    needs: list
    foreach: steps.list.output.value
    concurrency: 2
    uses: email.send
    with:
      to: \${{ [item] }}
      subject: "item \${{ index }}"
      body: hello
  - id: flaky
    uses: http.request
    with: { url: "${url}" }
    retry: { count: 3, backoff: fixed, base: 200ms }
`;

const CALL_HTTP_THEN_MAIL = (url: string) => `
id: http-then-mail
name: HTTP then mail
version: 1
trigger: { type: manual }
steps:
  - id: fetch
    uses: http.request
    with: { url: "${url}" }
  - id: mail
    needs: fetch
    uses: email.send
    with: { to: ["soc@example.com"], subject: "status \${{ steps.fetch.output.status }}", body: done }
`;

const WAIT_LONG = `
id: wait-long
name: Wait long
version: 1
trigger: { type: manual }
steps:
  - id: hold
    wait: { duration: 1h }
  - id: after
    needs: hold
    uses: var.set
    with: { value: late }
`;

const DECIDE = (extra: string) => `
id: decide
name: Decide
version: 1
trigger: { type: manual }
steps:
  - id: ask
    decision: { prompt: "Contain?", role: analyst, choices: [yes, no] }
  - id: ${extra}
    needs: ask
    uses: var.set
    with: { value: "\${{ steps.ask.output.choice }}" }
`;

const CHILD = `
id: child
name: Child
version: 1
trigger: { type: called }
inputs:
  n: { type: integer, required: true }
outputs:
  doubled: \${{ steps.double.output.value }}
steps:
  - id: double
    uses: var.set
    with: { value: "\${{ inputs.n * 2 }}" }
`;

const PARENT = `
id: parent
name: Parent
version: 1
trigger: { type: manual }
steps:
  - id: sub
    call: child
    with: { n: 21 }
  - id: use
    needs: sub
    uses: var.set
    with: { value: "\${{ steps.sub.output.doubled }}" }
`;

describe.each(TEST_DATABASE_KINDS)('playbook executor on %s', (kind) => {
  let db: TestDatabase;
  let h: ReturnType<typeof playbookHarness>;
  let a: SeededTenant;
  let b: SeededTenant;
  let worker: TestWorker | undefined;
  const outboxCount = async (tenantId: string) =>
    (
      await db.query<{ n: number }>('select count(*)::int as n from outbox where tenant_id = $1', [tenantId])
    )[0]?.n;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    h = playbookHarness(db, { httpAllowedHosts: ['127.0.0.1'], runStepExpireSeconds: 2, tenantStepLimit: 2 });
    [a, b] = (await h.seed(2)) as [SeededTenant, SeededTenant];
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await db.close();
  });

  it('runs a ten-step playbook to the end and persists every step', async () => {
    worker = await h.startWorker();
    const { playbookId } = await h.save(a.id, TEN_STEPS);
    const runId = await h.start({ tenantId: a.id, playbookId, inputs: { to: 'soc@client.example' } });
    const done = await h.settled(a.id, runId);
    expect(done.run.status).toBe('succeeded');
    const steps = await h.steps(a.id, runId);
    expect(steps.map((s) => [s.stepId, s.status])).toEqual(
      expect.arrayContaining(Array.from({ length: 10 }, (_, i) => [`s${i + 1}`, 'succeeded'])),
    );
    expect(steps).toHaveLength(10);
    expect(steps.find((s) => s.stepId === 's8')?.output).toEqual({ value: 8 });
    const mail = await db.query<{ subject: string; to: string[] }>(
      'select subject, "to" from outbox where tenant_id = $1',
      [a.id],
    );
    expect(mail).toEqual([{ subject: 'Ten steps done: 8', to: ['soc@client.example'] }]);
  });

  it('persists skipped conditions, foreach units and retried attempts', async () => {
    const server = await scriptedServer({
      '/flaky': (_req, res, n) => (n < 3 ? json(res, 503, { n }) : json(res, 200, { ok: true, n })),
    });
    try {
      worker = await h.startWorker();
      const { playbookId } = await h.save(b.id, BRANCHES(server.url('/flaky')));
      const runId = await h.start({ tenantId: b.id, playbookId });
      const done = await h.settled(b.id, runId);
      expect(done.run.status).toBe('succeeded');
      const state = done.run.state as { steps: Record<string, { status: string; output?: unknown }> };
      expect(state.steps.never?.status).toBe('skipped');
      const steps = await h.steps(b.id, runId);
      expect(steps.filter((s) => s.stepId === 'never')).toEqual([]);
      expect(
        steps
          .filter((s) => s.stepId === 'each')
          .map((s) => [s.itemIndex, s.status, (s.input as { to: string[] }).to[0]])
          .sort(),
      ).toEqual([
        [0, 'succeeded', 'a@example.com'],
        [1, 'succeeded', 'b@example.com'],
        [2, 'succeeded', 'c@example.com'],
      ]);
      expect(
        steps
          .filter((s) => s.stepId === 'flaky')
          .map((s) => [s.attempt, s.status])
          .sort(),
      ).toEqual([
        [1, 'failed'],
        [2, 'failed'],
        [3, 'succeeded'],
      ]);
      expect(server.count('/flaky')).toBe(3);
      expect(steps.find((s) => s.stepId === 'flaky' && s.attempt === 1)?.error).toMatch(/HTTP 503/);
    } finally {
      await server.close();
    }
  });

  it('survives a worker killed mid-action: the run completes and its email exists once', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await scriptedServer({
      // The first call never answers while its worker is killed; the retry's call answers at once.
      '/slow': (_req, res, n) => (n === 1 ? void held.then(() => res.destroy()) : json(res, 200, { n })),
    });
    try {
      const first = await h.startWorker();
      const { playbookId } = await h.save(a.id, CALL_HTTP_THEN_MAIL(server.url('/slow')));
      const before = await outboxCount(a.id);
      const runId = await h.start({ tenantId: a.id, playbookId });
      await waitFor(async () => (server.count('/slow') >= 1 ? true : undefined), { what: 'first request' });
      // Killed: the active run-step job is neither completed nor failed.
      await first.boss.stop({ graceful: false, wait: true });
      await first.stop(); // releases the process-wide worker slot; its boss is already down
      worker = await h.startWorker();
      const done = await h.settled(a.id, runId, 45_000);
      expect(done.run.status).toBe('succeeded');
      expect(server.count('/slow')).toBe(2);
      expect(await outboxCount(a.id)).toBe((before ?? 0) + 1);

      // A redelivered run-step job of the finished email step performs nothing.
      const [mailStep] = (await h.steps(a.id, runId)).filter((s) => s.stepId === 'mail');
      await worker.boss.send('run-step', {
        tenantId: a.id,
        runId,
        stepId: 'mail',
        index: 0,
        attempt: mailStep?.attempt ?? 1,
      });
      await waitFor(
        async () => {
          const rows = await db.query<{ n: number }>(
            `select count(*)::int as n from pgboss.job where name = 'run-step' and state = 'completed' and data->>'stepId' = 'mail' and data->>'runId' = $1`,
            [runId],
          );
          return (rows[0]?.n ?? 0) >= 2 ? true : undefined;
        },
        { what: 'redelivered job completed' },
      );
      expect(await outboxCount(a.id)).toBe((before ?? 0) + 1);
      release();
    } finally {
      release();
      await server.close();
    }
  }, 60_000);

  it('cancels a waiting run and closes its step rows', async () => {
    worker = await h.startWorker();
    const { playbookId } = await h.save(a.id, WAIT_LONG);
    const runId = await h.start({ tenantId: a.id, playbookId });
    expect((await h.steps(a.id, runId)).map((s) => [s.stepId, s.status])).toEqual([['hold', 'waiting']]);
    const r = await h.send(a.id, runId, { type: 'run.cancel', reason: 'analyst stopped it' });
    expect(r).toMatchObject({ found: true, accepted: true, status: 'cancelled' });
    expect((await h.run(a.id, runId))?.run.status).toBe('cancelled');
    expect((await h.steps(a.id, runId)).map((s) => [s.stepId, s.status])).toEqual([['hold', 'cancelled']]);
  });

  it('re-runs a failed step, and the run then succeeds', async () => {
    const server = await scriptedServer({
      '/once-broken': (_req, res, n) => (n === 1 ? json(res, 500, {}) : json(res, 200, { fixed: true })),
    });
    try {
      worker = await h.startWorker();
      const { playbookId } = await h.save(
        b.id,
        CALL_HTTP_THEN_MAIL(server.url('/once-broken')).replace('http-then-mail', 'rerun-me'),
      );
      const runId = await h.start({ tenantId: b.id, playbookId });
      const failed = await h.settled(b.id, runId);
      expect(failed.run.status).toBe('failed');
      const r = await h.send(b.id, runId, { type: 'step.rerun', stepId: 'fetch' });
      expect(r).toMatchObject({ accepted: true });
      const done = await h.settled(b.id, runId);
      expect(done.run.status).toBe('succeeded');
      expect((await h.steps(b.id, runId)).filter((s) => s.stepId === 'fetch').map((s) => s.status)).toEqual([
        'failed',
        'succeeded',
      ]);
    } finally {
      await server.close();
    }
  });

  it('dry run records the side effects without performing them', async () => {
    const server = await scriptedServer({ '/never': (_req, res) => json(res, 200, {}) });
    try {
      worker = await h.startWorker();
      const { playbookId } = await h.save(
        b.id,
        CALL_HTTP_THEN_MAIL(server.url('/never')).replace('http-then-mail', 'dry'),
      );
      const before = await outboxCount(b.id);
      const runId = await h.start({ tenantId: b.id, playbookId, dryRun: true });
      const done = await h.settled(b.id, runId);
      expect(done.run.status).toBe('succeeded');
      expect(server.count('/never')).toBe(0);
      expect(await outboxCount(b.id)).toBe(before);
      const effects = await db.query<{ action_id: string; dry_run: boolean }>(
        'select action_id, dry_run from playbook_effects where run_id = $1 order by action_id',
        [runId],
      );
      expect(effects).toEqual([
        { action_id: 'email.send', dry_run: true },
        { action_id: 'http.request', dry_run: true },
      ]);
      expect((await h.steps(b.id, runId)).map((s) => s.status)).toEqual(['recorded', 'recorded']);
    } finally {
      await server.close();
    }
  });

  it('pins the version a run started on', async () => {
    const v1 = await h.save(a.id, DECIDE('first_version'));
    const runId = await h.start({ tenantId: a.id, playbookId: v1.playbookId });
    const v2 = await h.save(a.id, DECIDE('second_version'), v1.playbookId);
    expect(v2.version).toBe(2);
    const r = await h.send(a.id, runId, {
      type: 'decision.made',
      stepId: 'ask',
      choice: 'yes',
      by: a.clientUser.id,
    });
    expect(r).toMatchObject({ accepted: true, status: 'succeeded' });
    const done = await h.run(a.id, runId);
    expect(done?.run.version).toBe(1);
    expect((await h.steps(a.id, runId)).map((s) => [s.stepId, s.status, s.output])).toEqual([
      ['ask', 'succeeded', { choice: 'yes', by: a.clientUser.id, comment: null, timedOut: false }],
      ['first_version', 'succeeded', { value: 'yes' }],
    ]);
  });

  it('runs a nested playbook and feeds its outputs back', async () => {
    await h.save(b.id, CHILD);
    const { playbookId } = await h.save(b.id, PARENT);
    const runId = await h.start({ tenantId: b.id, playbookId });
    const done = await h.run(b.id, runId);
    expect(done?.run.status).toBe('succeeded');
    const use = (await h.steps(b.id, runId)).find((s) => s.stepId === 'use');
    expect(use?.output).toEqual({ value: 42 });
    const children = await db.query<{ status: string; trigger: string }>(
      'select status, trigger from playbook_runs where parent_run_id = $1',
      [runId],
    );
    expect(children).toEqual([{ status: 'succeeded', trigger: 'called' }]);
  });

  it("keeps a tenant's runs out of another tenant's scope", async () => {
    const { playbookId } = await h.save(a.id, WAIT_LONG.replace('wait-long', 'wait-a'));
    const runId = await h.start({ tenantId: a.id, playbookId });
    expect(await h.run(b.id, runId)).toBeUndefined();
    expect(await h.send(b.id, runId, { type: 'run.cancel', reason: 'from b' })).toEqual({ found: false });
    expect((await h.run(a.id, runId))?.run.status).toBe('running');
    await expect(h.start({ tenantId: b.id, playbookId })).rejects.toThrow(/notFound/);
  });

  it('a run-step job carries its run on to the next step; the delayed safety-net jobs then do nothing', async () => {
    const jobsOnly = playbookHarness(db, { inlinePureActions: false, runStepExpireSeconds: 30 });
    worker = await jobsOnly.startWorker();
    const { playbookId } = await jobsOnly.save(a.id, TEN_STEPS.replace('id: ten-steps', 'id: ten-jobs'));
    const runId = await jobsOnly.start({ tenantId: a.id, playbookId, inputs: { to: 'soc@client.example' } });
    const done = await jobsOnly.settled(a.id, runId);
    expect(done.run.status).toBe('succeeded');
    const steps = await jobsOnly.steps(a.id, runId);
    expect(steps.map((s) => s.status)).toEqual(Array(10).fill('succeeded'));
    const jobs = await db.query<{ id: string; state: string; delayed: boolean }>(
      `select id, state::text, start_after > now() as delayed from pgboss.job where name = 'run-step' and data->>'runId' = $1`,
      [runId],
    );
    // One job per step, plus one re-queued for a handed-over unit whenever a chain ran out of budget.
    expect(jobs.length).toBeGreaterThanOrEqual(10);
    const safetyNets = jobs.filter((j) => j.delayed);
    expect(safetyNets.length).toBeGreaterThan(0);
    // Fire the safety nets now: each finds its unit final and changes nothing.
    await db.query(`update pgboss.job set start_after = now() where id = any($1::uuid[])`, [
      safetyNets.map((j) => j.id),
    ]);
    const outputs = await waitFor(
      async () => {
        const rows = await db.query<{ state: string; output: { outcome?: string } }>(
          `select state::text, output from pgboss.job where id = any($1::uuid[])`,
          [safetyNets.map((j) => j.id)],
        );
        return rows.every((r) => r.state === 'completed') ? rows : undefined;
      },
      { what: 'safety-net jobs completed' },
    );
    expect(new Set(outputs.map((o) => o.output.outcome))).toEqual(new Set(['already succeeded']));
    expect(await outboxCount(a.id)).toBe(
      (
        await db.query<{ n: number }>(
          `select count(distinct idempotency_key)::int as n from outbox where tenant_id = $1`,
          [a.id],
        )
      )[0]?.n,
    );
    expect((await jobsOnly.steps(a.id, runId)).map((s) => s.attempt)).toEqual(Array(10).fill(1));
  }, 60_000);

  it("defers a tenant's units beyond its concurrency limit and dispatches them as slots free", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await scriptedServer({
      '/gate': (_req, res) => void held.then(() => json(res, 200, {})),
    });
    try {
      worker = await h.startWorker();
      const { playbookId } = await h.save(
        b.id,
        CALL_HTTP_THEN_MAIL(server.url('/gate')).replace('http-then-mail', 'gated'),
      );
      const runs = [];
      for (let i = 0; i < 4; i++) runs.push(await h.start({ tenantId: b.id, playbookId }));
      const statuses = await db.query<{ status: string; n: number }>(
        `select status::text, count(*)::int as n from playbook_step_runs where tenant_id = $1 and run_id = any($2::uuid[]) group by status order by status`,
        [b.id, runs],
      );
      // tenantStepLimit is 2: two dispatched, two waiting their turn.
      expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toMatchObject({ deferred: 2 });
      expect(statuses.filter((s) => s.status !== 'deferred').reduce((n, s) => n + s.n, 0)).toBe(2);
      release();
      for (const runId of runs) expect((await h.settled(b.id, runId)).run.status).toBe('succeeded');
    } finally {
      release();
      await server.close();
    }
  }, 60_000);
});
