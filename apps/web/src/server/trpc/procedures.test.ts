import { TenantScopeError } from '@palisade/db/errors';
import { describe, expect, it } from 'vitest';
import { logger } from '@/server/logger';
import { createCallerFactory, createTRPCRouter } from './init';
import { publicProcedure } from './procedures';

const router = createTRPCRouter({
  scoped: publicProcedure.query(() => {
    throw new TenantScopeError('scope holds 2 tenants');
  }),
  broken: publicProcedure.query(() => {
    throw new Error('unexpected');
  }),
});
const caller = createCallerFactory(router)({ actor: null, log: logger, ip: '127.0.0.1' });

describe('mapDomainErrors', () => {
  it('turns a domain error into its STATUS code, keeping the cause', async () => {
    await expect(caller.scoped()).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: expect.any(TenantScopeError),
    });
  });

  it('leaves any other error a generic 500', async () => {
    await expect(caller.broken()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
