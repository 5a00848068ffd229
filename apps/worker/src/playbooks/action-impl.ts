import type { Tx } from '@palisade/db/client';
import type { ActionContext, AnyActionContract } from '@palisade/playbook/action-registry';
import type { z } from 'zod';

/**
 * How the executor runs an action:
 * - `pure`: no I/O at all; may run inline while a run advances.
 * - `tx`: database only, inside the tenant transaction that also records the effect and advances the run,
 *   so the side effect and its record commit together (exactly once).
 * - `io`: outside any transaction (network); the effect is checked before and recorded after.
 */
export type ActionImpl<A extends AnyActionContract = AnyActionContract> =
  | {
      mode: 'pure';
      contract: A;
      run(input: z.output<A['input']>, ctx: ActionContext): Promise<z.input<A['output']>>;
    }
  | {
      mode: 'tx';
      contract: A;
      run(input: z.output<A['input']>, ctx: ActionContext, tx: Tx): Promise<z.input<A['output']>>;
    }
  | {
      mode: 'io';
      contract: A;
      run(input: z.output<A['input']>, ctx: ActionContext): Promise<z.input<A['output']>>;
    };

/** Erases the contract's input type so handlers of different actions share one table. */
export type AnyActionImpl = {
  mode: 'pure' | 'tx' | 'io';
  contract: AnyActionContract;
  run(input: never, ctx: ActionContext, tx: Tx): Promise<unknown>;
};

export function actionImpl<A extends AnyActionContract>(impl: ActionImpl<A>): AnyActionImpl {
  return impl as unknown as AnyActionImpl;
}
