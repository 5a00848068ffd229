import type { Playbook } from './definition';
import { resolveInputs } from './param';
import type { RunContext, RunState } from './run-state';

/** Deeper than any sane composition; stops runaway fan-out through mutually distinct playbooks. */
export const MAX_CALL_DEPTH = 8;

export type CreateRunInput = {
  playbook: Playbook;
  runId: string;
  tenantId: string;
  inputs: Record<string, unknown>;
  context?: Omit<RunContext, 'inputs'>;
  /** the caller's call stack (empty or absent for a root run) */
  parentCallStack?: readonly string[];
  dryRun?: boolean;
  now: number;
};

export type CreateRunResult = { ok: true; state: RunState } | { ok: false; errors: string[] };

/** The first state of a run, or why it must not start: bad inputs, or a call chain revisiting a playbook. */
export function createRunState(input: CreateRunInput): CreateRunResult {
  const { playbook } = input;
  const parent = input.parentCallStack ?? [];
  if (parent.includes(playbook.id)) {
    return { ok: false, errors: [`recursion refused: ${[...parent, playbook.id].join(' → ')}`] };
  }
  if (parent.length >= MAX_CALL_DEPTH) {
    return {
      ok: false,
      errors: [`call depth limit ${MAX_CALL_DEPTH} reached: ${[...parent, playbook.id].join(' → ')}`],
    };
  }
  const resolved = resolveInputs(playbook.inputs, input.inputs);
  if (!resolved.ok) return resolved;
  return {
    ok: true,
    state: {
      runId: input.runId,
      tenantId: input.tenantId,
      playbookId: playbook.id,
      playbookVersion: playbook.version,
      callStack: [...parent, playbook.id],
      dryRun: input.dryRun ?? false,
      status: 'running',
      context: { ...input.context, inputs: resolved.inputs },
      steps: Object.fromEntries(
        playbook.steps.map((s) => [s.id, { status: 'pending' as const, activated: false, units: [] }]),
      ),
      startedAt: input.now,
    },
  };
}
