import type { z } from 'zod';

/** What a contract may derive its idempotency key from: domain ids only, never randomness or time. */
export type IdempotencyContext = {
  tenantId: string;
  runId: string;
  stepId: string;
  /** foreach unit index; absent for a step without foreach */
  index?: number;
  /** `<runId>:<stepId>[:<index>]`, the default key */
  baseKey: string;
};

export type ActionContract<
  Id extends string = string,
  I extends z.ZodObject = z.ZodObject,
  O extends z.ZodType = z.ZodType,
> = {
  id: Id;
  description: string;
  input: I;
  output: O;
  /** Side-effecting actions carry an idempotency key and are only recorded in a dry run. */
  sideEffects: boolean;
  idempotencyKey?: (input: z.output<I>, ctx: IdempotencyContext) => string;
  /** What a dry run reports as this action's output, so later steps still have something to read. */
  dryRunOutput?: (input: z.output<I>) => z.output<O>;
};

/**
 * Any contract, for registries and heterogeneous lists. Method syntax makes the callbacks' parameters
 * bivariant, so a contract with a narrow input type still fits.
 */
export type AnyActionContract = {
  id: string;
  description: string;
  input: z.ZodObject;
  output: z.ZodType;
  sideEffects: boolean;
  idempotencyKey?(input: Record<string, unknown>, ctx: IdempotencyContext): string;
  dryRunOutput?(input: Record<string, unknown>): unknown;
};

export function defineAction<const Id extends string, I extends z.ZodObject, O extends z.ZodType>(
  contract: ActionContract<Id, I, O>,
): ActionContract<Id, I, O> {
  return contract;
}

export type ActionContext = {
  tenantId: string;
  runId: string;
  stepId: string;
  index?: number;
  attempt: number;
  idempotencyKey: string;
  /** Aborted when the step's timeout passes or the run is cancelled. */
  signal: AbortSignal;
};

/** The worker supplies one per action id; input is already validated, output is validated after. */
export type ActionHandler<A extends AnyActionContract> = (
  input: z.output<A['input']>,
  ctx: ActionContext,
) => Promise<z.input<A['output']>>;

/** A complete, typed handler map for a list of contracts: a missing or mistyped handler is a compile error. */
export type ActionHandlers<As extends readonly AnyActionContract[]> = {
  [A in As[number] as A['id']]: ActionHandler<A>;
};

export type ActionRegistry = {
  get(id: string): AnyActionContract | undefined;
  has(id: string): boolean;
  list(): readonly AnyActionContract[];
};

export class DuplicateActionError extends Error {
  readonly code = 'DUPLICATE_ACTION' as const;
}

export function createRegistry(actions: readonly AnyActionContract[]): ActionRegistry {
  const byId = new Map<string, AnyActionContract>();
  for (const a of actions) {
    if (byId.has(a.id)) throw new DuplicateActionError(`action '${a.id}' is registered twice`);
    byId.set(a.id, a);
  }
  const list = [...byId.values()];
  return { get: (id) => byId.get(id), has: (id) => byId.has(id), list: () => list };
}

export function idempotencyKeyFor(
  contract: AnyActionContract,
  input: Record<string, unknown>,
  ctx: IdempotencyContext,
): string {
  return contract.idempotencyKey ? contract.idempotencyKey(input, ctx) : ctx.baseKey;
}

export type InvokeResult = { ok: true; output: unknown } | { ok: false; error: string; retryable: boolean };

/**
 * Runs a handler between the contract's two schemas. A bad input or output is not retryable: the same
 * attempt would fail the same way.
 */
export async function invokeAction(
  contract: AnyActionContract,
  handler: (input: unknown, ctx: ActionContext) => Promise<unknown>,
  input: unknown,
  ctx: ActionContext,
): Promise<InvokeResult> {
  const parsedIn = contract.input.safeParse(input);
  if (!parsedIn.success)
    return { ok: false, error: `invalid input: ${summarize(parsedIn.error)}`, retryable: false };
  let raw: unknown;
  try {
    raw = await handler(parsedIn.data, ctx);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), retryable: true };
  }
  const parsedOut = contract.output.safeParse(raw);
  if (!parsedOut.success) {
    return { ok: false, error: `invalid output: ${summarize(parsedOut.error)}`, retryable: false };
  }
  return { ok: true, output: parsedOut.data };
}

export function summarize(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
