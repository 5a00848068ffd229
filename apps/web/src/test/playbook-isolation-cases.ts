import { withTenant } from '@palisade/db/with-tenant';
import { savePlaybook } from '@palisade/worker/playbooks/save-playbook';
import { startRun } from '@palisade/worker/playbooks/start-run';
import { expect } from 'vitest';
import { logger } from '@/server/logger';
import { playbookExecutor } from '@/server/routers/playbook/playbook-executor';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The playbook.* rows of the isolation suite. Fixtures are written straight through withTenant (no
// audit entries), because audit.list's positive control counts tenant A's audit log.

const WAITING = `id: iso-check
name: Isolation check
version: 1
trigger: { type: manual }
steps:
  - id: ask
    decision: { prompt: "Go?", role: analyst, choices: [go, stop] }
  - id: note
    needs: ask
    uses: var.set
    with: { value: "\${{ steps.ask.output.choice }}" }
`;

// A step whose templated input resolves to a number where text is required: the run fails at once,
// inside the starting transaction, and again on every re-run (whatever handlers are installed).
const FAILING = `id: iso-fail
name: Isolation fail
version: 1
trigger: { type: manual }
steps:
  - id: extract
    uses: ioc.extract
    with: { text: "\${{ 40 + 2 }}" }
`;

type TenantPlaybooks = { waiting: string; failing: string; waitingRun: string; failedRun: string };
type PlaybookFixtures = Record<'a' | 'b' | 'c', TenantPlaybooks>;
let seeded: Promise<PlaybookFixtures> | undefined;

async function seedTenant(tenantId: string): Promise<TenantPlaybooks> {
  return withTenant(tenantId, async (tx) => {
    const ex = playbookExecutor(logger);
    const ids: string[] = [];
    for (const source of [WAITING, FAILING]) {
      const r = await savePlaybook(tx, { tenantId, source, createdBy: null });
      if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
      ids.push(r.playbookId);
    }
    const [waiting, failing] = ids as [string, string];
    const runs: string[] = [];
    for (const playbookId of [waiting, failing]) {
      const r = await startRun(tx, ex, { tenantId, playbookId, trigger: 'manual' });
      if (!r.ok) throw new Error('fixture run did not start');
      runs.push(r.runId);
    }
    const [waitingRun, failedRun] = runs as [string, string];
    return { waiting, failing, waitingRun, failedRun };
  });
}

function pbx(fx: Fixtures): Promise<PlaybookFixtures> {
  seeded ??= (async () => ({
    a: await seedTenant(fx.a.id),
    b: await seedTenant(fx.b.id),
    c: await seedTenant(fx.c.id),
  }))();
  return seeded;
}

export const PLAYBOOK_CASES = {
  'playbook.list': {
    call: (c, fx) => c.playbook.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await pbx(fx);
      await expect(clientA.playbook.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.playbook.list({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      const ids = (await analyst.playbook.list({ tenantId: fx.a.id })).map((r) => r.id);
      expect(ids.sort()).toEqual([p.a.waiting, p.a.failing].sort());
    },
  },
  'playbook.get': {
    call: (c, fx) => c.playbook.get({ tenantId: fx.a.id, playbookId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.get({ tenantId: fx.b.id, playbookId: p.b.waiting }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.get({ tenantId: fx.a.id, playbookId: p.b.waiting }),
      ).rejects.toMatchObject(NOT_FOUND);
      const got = await analyst.playbook.get({ tenantId: fx.a.id, playbookId: p.a.waiting });
      expect(got.version.source).toContain('id: iso-check');
    },
  },
  'playbook.versions': {
    call: (c, fx) => c.playbook.versions({ tenantId: fx.a.id, playbookId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.versions({ tenantId: fx.b.id, playbookId: p.b.waiting }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.versions({ tenantId: fx.a.id, playbookId: p.b.waiting }),
      ).rejects.toMatchObject(NOT_FOUND);
      expect(
        (await analyst.playbook.versions({ tenantId: fx.a.id, playbookId: p.a.waiting }))[0]?.version,
      ).toBeGreaterThan(0);
    },
  },
  'playbook.diff': {
    call: (c, fx) => c.playbook.diff({ tenantId: fx.a.id, playbookId: crypto.randomUUID(), from: 1, to: 1 }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.diff({ tenantId: fx.b.id, playbookId: p.b.waiting, from: 1, to: 1 }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.diff({ tenantId: fx.a.id, playbookId: p.b.waiting, from: 1, to: 1 }),
      ).rejects.toMatchObject(NOT_FOUND);
      const d = await analyst.playbook.diff({ tenantId: fx.a.id, playbookId: p.a.waiting, from: 1, to: 1 });
      expect(d.lines.every((l) => l.op === 'same')).toBe(true);
    },
  },
  'playbook.validate': {
    call: (c, fx) => c.playbook.validate({ tenantId: fx.a.id, source: WAITING }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.playbook.validate({ tenantId: fx.b.id, source: WAITING })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
    positive: async ({ analyst }, fx) => {
      expect(await analyst.playbook.validate({ tenantId: fx.a.id, source: WAITING })).toEqual({
        ok: true,
        errors: [],
      });
      // `call:` is checked against the tenant's own playbooks only.
      const caller =
        'id: x\nname: x\nversion: 1\ntrigger: { type: manual }\nsteps:\n  - id: c\n    call: iso-check\n';
      expect((await analyst.playbook.validate({ tenantId: fx.c.id, source: caller })).ok).toBe(true);
      const r = await analyst.playbook.validate({
        tenantId: fx.a.id,
        source: caller.replace('iso-check', 'nope'),
      });
      expect(r.errors[0]).toMatchObject({ code: 'unknown-playbook', line: 7 });
    },
  },
  'playbook.save': {
    call: (c, fx) => c.playbook.save({ tenantId: fx.a.id, source: WAITING }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.save({ tenantId: fx.b.id, playbookId: p.b.waiting, source: WAITING }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      // B's playbook named under C's tenant: not found, nothing stored.
      const foreign = await analyst.playbook.save({
        tenantId: fx.c.id,
        playbookId: p.b.waiting,
        source: WAITING,
      });
      expect(foreign).toMatchObject({ ok: false });
      const saved = await analyst.playbook.save({
        tenantId: fx.c.id,
        playbookId: p.c.waiting,
        source: WAITING.replace('Isolation check', 'Isolation check v2'),
      });
      expect(saved).toMatchObject({ ok: true, playbookId: p.c.waiting, version: 2 });
      const invalid = await analyst.playbook.save({
        tenantId: fx.c.id,
        playbookId: p.c.waiting,
        source: 'id: [',
      });
      expect(invalid.ok).toBe(false);
    },
  },
  'playbook.rollback': {
    call: (c, fx) => c.playbook.rollback({ tenantId: fx.a.id, playbookId: crypto.randomUUID(), version: 1 }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.rollback({ tenantId: fx.b.id, playbookId: p.b.failing, version: 1 }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.rollback({ tenantId: fx.c.id, playbookId: p.b.failing, version: 1 }),
      ).rejects.toMatchObject(NOT_FOUND);
      const r = await analyst.playbook.rollback({ tenantId: fx.c.id, playbookId: p.c.failing, version: 1 });
      expect(r.version).toBe(2);
    },
  },
  'playbook.runs': {
    call: (c, fx) => c.playbook.runs({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.playbook.runs({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      const ids = (await analyst.playbook.runs({ tenantId: fx.a.id })).map((r) => r.id);
      expect(ids).toContain(p.a.waitingRun);
      expect(ids).not.toContain(p.b.waitingRun);
    },
  },
  'playbook.run': {
    call: (c, fx) => c.playbook.run({ tenantId: fx.a.id, runId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(clientA.playbook.run({ tenantId: fx.b.id, runId: p.b.waitingRun })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(analyst.playbook.run({ tenantId: fx.a.id, runId: p.b.waitingRun })).rejects.toMatchObject(
        NOT_FOUND,
      );
      const r = await analyst.playbook.run({ tenantId: fx.a.id, runId: p.a.waitingRun });
      expect(r.graph.map((s) => [s.id, s.status])).toEqual([
        ['ask', 'waiting'],
        ['note', 'pending'],
      ]);
      expect(r.decisions).toMatchObject([{ stepId: 'ask', status: 'pending' }]);
    },
  },
  'playbook.start': {
    call: (c, fx) => c.playbook.start({ tenantId: fx.a.id, playbookId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.start({ tenantId: fx.b.id, playbookId: p.b.waiting }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.start({ tenantId: fx.c.id, playbookId: p.b.waiting }),
      ).rejects.toMatchObject(NOT_FOUND);
      const { runId } = await analyst.playbook.start({ tenantId: fx.c.id, playbookId: p.c.waiting });
      expect((await analyst.playbook.run({ tenantId: fx.c.id, runId })).run.status).toBe('running');
    },
  },
  'playbook.dryRun': {
    call: (c, fx) =>
      c.playbook.dryRun({
        tenantId: fx.a.id,
        playbookId: crypto.randomUUID(),
        incidentId: crypto.randomUUID(),
      }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.dryRun({
          tenantId: fx.b.id,
          playbookId: p.b.failing,
          incidentId: crypto.randomUUID(),
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      // An incident id that is not in the tenant: not found (the incident becomes the run's context).
      await expect(
        analyst.playbook.dryRun({
          tenantId: fx.c.id,
          playbookId: p.c.failing,
          incidentId: crypto.randomUUID(),
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'playbook.cancel': {
    call: (c, fx) => c.playbook.cancel({ tenantId: fx.a.id, runId: crypto.randomUUID() }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.cancel({ tenantId: fx.b.id, runId: p.b.waitingRun }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.cancel({ tenantId: fx.c.id, runId: p.b.waitingRun }),
      ).rejects.toMatchObject(NOT_FOUND);
      // B's run is untouched by all of the above.
      expect((await admin.playbook.run({ tenantId: fx.b.id, runId: p.b.waitingRun })).run.status).toBe(
        'running',
      );
      expect(await analyst.playbook.cancel({ tenantId: fx.c.id, runId: p.c.waitingRun })).toMatchObject({
        status: 'cancelled',
      });
      await expect(
        analyst.playbook.cancel({ tenantId: fx.c.id, runId: p.c.waitingRun }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    },
  },
  'playbook.rerunStep': {
    call: (c, fx) =>
      c.playbook.rerunStep({ tenantId: fx.a.id, runId: crypto.randomUUID(), stepId: 'extract' }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.rerunStep({ tenantId: fx.b.id, runId: p.b.failedRun, stepId: 'extract' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.rerunStep({ tenantId: fx.c.id, runId: p.b.failedRun, stepId: 'extract' }),
      ).rejects.toMatchObject(NOT_FOUND);
      // Re-run accepted; the input is still not text, so it fails again, visibly.
      expect(
        await analyst.playbook.rerunStep({ tenantId: fx.c.id, runId: p.c.failedRun, stepId: 'extract' }),
      ).toMatchObject({
        status: 'failed',
      });
      // Failed while planning (input checked before any attempt), so the step has no attempt rows.
      const r = await analyst.playbook.run({ tenantId: fx.c.id, runId: p.c.failedRun });
      expect(r.run.status).toBe('failed');
      expect(r.graph).toMatchObject([
        { id: 'extract', status: 'failed', error: expect.stringContaining('invalid input for ioc.extract') },
      ]);
    },
  },
  'playbook.decide': {
    call: (c, fx) =>
      c.playbook.decide({ tenantId: fx.a.id, runId: crypto.randomUUID(), stepId: 'ask', choice: 'go' }),
    crossTenant: async ({ clientA }, fx) => {
      const p = await pbx(fx);
      await expect(
        clientA.playbook.decide({ tenantId: fx.b.id, runId: p.b.waitingRun, stepId: 'ask', choice: 'go' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const p = await pbx(fx);
      await expect(
        analyst.playbook.decide({ tenantId: fx.a.id, runId: p.b.waitingRun, stepId: 'ask', choice: 'go' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        analyst.playbook.decide({ tenantId: fx.a.id, runId: p.a.waitingRun, stepId: 'ask', choice: 'maybe' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(
        await analyst.playbook.decide({
          tenantId: fx.a.id,
          runId: p.a.waitingRun,
          stepId: 'ask',
          choice: 'go',
        }),
      ).toMatchObject({ status: 'succeeded' });
      const r = await analyst.playbook.run({ tenantId: fx.a.id, runId: p.a.waitingRun });
      expect(r.decisions).toMatchObject([{ status: 'answered', choice: 'go' }]);
    },
  },
} satisfies Record<`playbook.${string}`, Case>;
