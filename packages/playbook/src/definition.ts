import { z } from 'zod';
import { Param, ParamName } from './param';
import { PlaybookId, Step } from './step';
import { Trigger } from './trigger';

/**
 * A playbook as authored (YAML or JSON). `outputs` values are templates evaluated when the run succeeds, over
 * the same context as steps; a calling step receives them as its output.
 */
export const Playbook = z.strictObject({
  id: PlaybookId,
  name: z.string().min(1),
  description: z.string().default(''),
  version: z.int().min(1),
  trigger: Trigger,
  inputs: z.record(ParamName, Param).default({}),
  outputs: z.record(ParamName, z.unknown()).default({}),
  steps: z.array(Step).min(1, 'a playbook needs at least one step'),
});
export type Playbook = z.infer<typeof Playbook>;
