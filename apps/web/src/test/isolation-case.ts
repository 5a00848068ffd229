import type { callerFor, Fixtures } from './trpc-fixtures';

/** One row of the tRPC isolation suite (`server/routers/isolation.int.test.ts`); areas keep theirs in `<area>-isolation-cases.ts`. */
export type Caller = Awaited<ReturnType<typeof callerFor>>;
export type Callers = { clientA: Caller; analyst: Caller; admin: Caller };
export type Case = {
  /** Any valid call; used for the UNAUTHORIZED checks. */
  call: (caller: Caller, fx: Fixtures) => Promise<unknown>;
  /** Client user of A reaching for tenant B. */
  crossTenant: (callers: Callers, fx: Fixtures) => Promise<void>;
  /** The same procedure working for someone entitled, so the refusal is not an accident. */
  positive: (callers: Callers, fx: Fixtures) => Promise<void>;
};

export const NOT_FOUND = { code: 'NOT_FOUND' };
export const FORBIDDEN = { code: 'FORBIDDEN' };
