import { varSet } from '@palisade/playbook/actions/var-set';
import { actionImpl } from '../action-impl';

export const varSetImpl = actionImpl({
  mode: 'pure',
  contract: varSet,
  run: async (input) => ({ value: input.value ?? null }),
});
