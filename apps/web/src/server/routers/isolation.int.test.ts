import { useTestDatabase } from '@palisade/db/testing';
import type { inferRouterInputs } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppRouter, appRouter } from '@/server/trpc/root';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// Every procedure, called by a client user of tenant A with tenant B's ids, must refuse
// (NOT_FOUND / FORBIDDEN) or return nothing of B; each refusal has a positive control.
// A procedure added to the router without a row here fails the first test (and tsc).

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Callers = { clientA: Caller; analyst: Caller; admin: Caller };
type Inputs = inferRouterInputs<AppRouter>;
type ProcedurePath = { [R in keyof Inputs]: `${R & string}.${keyof Inputs[R] & string}` }[keyof Inputs];

type Case = {
  /** Any valid call; used for the UNAUTHORIZED checks. */
  call: (caller: Caller, fx: Fixtures) => Promise<unknown>;
  /** Client user of A reaching for tenant B. */
  crossTenant: (callers: Callers, fx: Fixtures) => Promise<void>;
  /** The same procedure working for someone entitled, so the refusal is not an accident. */
  positive: (callers: Callers, fx: Fixtures) => Promise<void>;
};

const NOT_FOUND = { code: 'NOT_FOUND' };
const FORBIDDEN = { code: 'FORBIDDEN' };

const CASES: Record<ProcedurePath, Case> = {
  'me.get': {
    call: (c) => c.me.get(),
    crossTenant: async ({ clientA }, fx) => {
      const me = await clientA.me.get();
      expect(me.tenant?.id).not.toBe(fx.b.id);
    },
    positive: async ({ clientA }, fx) => {
      const me = await clientA.me.get();
      expect(me).toMatchObject({
        userId: fx.clientA.id,
        kind: 'client',
        tenant: { id: fx.a.id, name: fx.a.name },
      });
    },
  },
  'tenant.list': {
    call: (c) => c.tenant.list(),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.tenant.list()).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      expect((await analyst.tenant.list()).map((x) => x.id).sort()).toEqual([fx.a.id, fx.c.id].sort());
    },
  },
  'tenant.get': {
    call: (c, fx) => c.tenant.get({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.tenant.get({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      expect(await clientA.tenant.get({ tenantId: fx.a.id })).toMatchObject({ id: fx.a.id, slug: fx.a.slug });
    },
  },
  'audit.list': {
    call: (c, fx) => c.audit.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.audit.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      expect((await clientA.audit.list({ tenantId: fx.a.id })).map((e) => e.id)).toEqual([fx.auditIds.a]);
    },
  },
};

let fx: Fixtures;
let callers: Callers;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  callers = {
    clientA: await callerFor(fx.clientA),
    analyst: await callerFor(fx.analyst),
    admin: await callerFor(fx.admin),
  };
});

const paths = Object.keys(CASES) as ProcedurePath[];

describe('tRPC tenant isolation', () => {
  it('has a case for every procedure of the router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual([...paths].sort());
  });

  it.each(paths)('%s: a client of tenant A gets nothing of tenant B', async (path) => {
    await CASES[path].crossTenant(callers, fx);
  });

  it.each(paths)('%s: positive control', async (path) => {
    await CASES[path].positive(callers, fx);
  });

  it.each(paths)('%s: UNAUTHORIZED without a session', async (path) => {
    await expect(CASES[path].call(await callerFor(null), fx)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each(paths)('%s: UNAUTHORIZED for a deactivated user', async (path) => {
    await expect(CASES[path].call(await callerFor(fx.inactiveClientA), fx)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
