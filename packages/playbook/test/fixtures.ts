import { z } from 'zod';
import { createRegistry, defineAction } from '../src/action-registry';
import { builtinActions } from '../src/builtin-actions';
import type { Playbook } from '../src/definition';
import { validatePlaybook } from '../src/validate';

export const echo = defineAction({
  id: 'test.echo',
  description: 'returns its input',
  input: z.strictObject({ value: z.unknown() }),
  output: z.object({ value: z.unknown() }),
  sideEffects: false,
});

export const effect = defineAction({
  id: 'test.effect',
  description: 'a side effect',
  input: z.strictObject({ value: z.unknown(), n: z.number().optional() }),
  output: z.object({ done: z.boolean() }),
  sideEffects: true,
  dryRunOutput: () => ({ done: false }),
});

export const testRegistry = createRegistry([...builtinActions, echo, effect]);

export const T0 = Date.UTC(2026, 0, 1);

/** Parses and validates like production does; a fixture with errors fails the test loudly. */
export function load(yaml: string, library: readonly Playbook[] = []): Playbook {
  const r = validatePlaybook(yaml, {
    registry: testRegistry,
    playbooks: new Map(library.map((p) => [p.id, p])),
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return r.playbook;
}

export const echoHandler =
  (ms = 10) =>
  (input: Record<string, unknown>) => ({ output: { value: input.value }, ms });
