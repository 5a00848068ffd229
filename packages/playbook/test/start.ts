import { createRunState } from '../src/create-run';
import type { Playbook } from '../src/definition';
import type { RunState } from '../src/run-state';
import { T0 } from './fixtures';

export function start(playbook: Playbook, inputs: Record<string, unknown> = {}, dryRun = false): RunState {
  const r = createRunState({ playbook, runId: 'run-1', tenantId: 'tenant-1', inputs, dryRun, now: T0 });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.state;
}
