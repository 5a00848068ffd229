import { z } from 'zod';
import { defineAction } from '../action-registry';

/**
 * Names an intermediate value so later steps read `steps.<id>.output.value`. An expression with no result
 * gives null rather than failing, as "nothing found" is a normal outcome.
 */
export const varSet = defineAction({
  id: 'var.set',
  description: 'Set a run variable',
  input: z.strictObject({ value: z.unknown().default(null) }),
  output: z.object({ value: z.unknown() }),
  sideEffects: false,
});
