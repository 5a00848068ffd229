import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../src/plan';
import { TERMINAL_STEP } from '../src/run-state';
import { validatePlaybook } from '../src/validate';
import { testRegistry } from './fixtures';
import { ReferenceRunner } from './reference-runner';

type GenStep = {
  needs: number[];
  cond: boolean | undefined;
  items: number | undefined;
  concurrency: number;
  onError: 'fail' | 'continue' | 'goto';
  retries: number;
};

const genStep = fc.record({
  needs: fc.array(fc.nat({ max: 7 }), { maxLength: 3 }),
  cond: fc.option(fc.boolean(), { nil: undefined }),
  items: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
  concurrency: fc.integer({ min: 1, max: 3 }),
  onError: fc.constantFrom('fail', 'continue', 'goto'),
  retries: fc.nat({ max: 2 }),
});

/** Random acyclic playbooks: a step only needs earlier steps and only jumps to later ones. */
function toPlaybook(steps: GenStep[]): string {
  const doc = {
    id: 'gen',
    name: 'Generated',
    version: 1,
    trigger: { type: 'manual' },
    steps: steps.map((s, i) => {
      const later = i + 1 < steps.length ? `s${i + 1 + ((i * 7) % (steps.length - i - 1))}` : undefined;
      return {
        id: `s${i}`,
        needs: [...new Set(s.needs.filter((n) => n < i).map((n) => `s${n}`))],
        ...(s.cond === undefined ? {} : { if: String(s.cond) }),
        ...(s.items === undefined ? {} : { foreach: `[1..${s.items}]`, concurrency: s.concurrency }),
        uses: 'test.effect',
        with: { value: i },
        ...(s.retries ? { retry: { count: s.retries, base: '1s' } } : {}),
        on_error: s.onError === 'goto' ? (later ? { goto: later } : 'continue') : s.onError,
      };
    }),
  };
  return JSON.stringify(doc);
}

describe('planner invariants on random playbooks', () => {
  it('always terminates with every step settled, respects needs and concurrency, and replans to nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(genStep, { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        async (gen, coin) => {
          const r = validatePlaybook(toPlaybook(gen), { registry: testRegistry });
          expect(r.errors).toEqual([]);
          if (!r.ok) return;
          const pb = r.playbook;
          let flips = 0;
          const runner = new ReferenceRunner({
            playbooks: [pb],
            registry: testRegistry,
            handlers: {
              'test.effect': () =>
                coin[flips++ % coin.length] ? { output: { done: true } } : { error: 'coin', ms: 5 },
            },
          });
          const state = await runner.run('gen');
          expect(state.status).not.toBe('running');
          for (const s of pb.steps)
            expect(TERMINAL_STEP.has(state.steps[s.id]?.status ?? 'pending')).toBe(true);
          // needs: a step's first start comes no earlier than each need finished
          for (const s of pb.steps) {
            const first = runner.startsOf(s.id)[0];
            if (!first) continue;
            for (const n of s.needs)
              expect(first.at).toBeGreaterThanOrEqual(state.steps[n]?.finishedAt ?? Number.POSITIVE_INFINITY);
            expect(runner.peak(s.id)).toBeLessThanOrEqual(s.foreach ? (s.concurrency ?? 1) : 1);
          }
          // one key per unit, whatever the number of attempts
          const keys = new Map<string, string>();
          for (const c of runner.commands) {
            if (c.command.type !== 'run-action') continue;
            const unit = `${c.command.stepId}#${c.command.index ?? ''}`;
            expect(keys.get(unit) ?? c.command.idempotencyKey).toBe(c.command.idempotencyKey);
            keys.set(unit, c.command.idempotencyKey);
          }
          expect(new Set(keys.values()).size).toBe(keys.size);
          const failedHard = pb.steps.some(
            (s) => state.steps[s.id]?.status === 'failed' && !state.steps[s.id]?.handled,
          );
          expect(state.status).toBe(failedHard ? 'failed' : 'succeeded');
          const again = await plan(pb, state, { now: runner.now + 1, registry: testRegistry });
          expect(again.commands).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
