import { auditRequest } from '@palisade/db/audit';
import { withTenant } from '@palisade/db/with-tenant';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { isDomainError, STATUS } from './errors';
import { t } from './init';

const requestLog = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const res = await next();
  const fields = { path, type, ms: Math.round(performance.now() - started), ok: res.ok };
  if (res.ok) ctx.log.info(fields, 'trpc request');
  else ctx.log.warn({ ...fields, code: res.error.code, err: res.error.cause ?? res.error }, 'trpc request');
  return res;
});

/** Domain errors thrown anywhere below become their STATUS code; the rest stay a generic 500. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok) {
    const cause = res.error.cause;
    if (isDomainError(cause))
      throw new TRPCError({ code: STATUS[cause.code].trpc, message: cause.message, cause });
  }
  return res;
});

/** Audit entries written during the call record the caller's address (see `auditRequest`). */
const auditAddress = t.middleware(({ ctx, next }) =>
  auditRequest.run({ ip: ctx.ip === 'unknown' ? null : ctx.ip }, () => next()),
);

export const publicProcedure = t.procedure.use(requestLog).use(mapDomainErrors).use(auditAddress);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { actor: ctx.actor } });
});

export const staffProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== 'staff') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { actor: ctx.actor } });
});

export const adminProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'mssp_admin') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { actor: ctx.actor } });
});

export const clientProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== 'client') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx: { actor: ctx.actor } });
});

/**
 * One tenant, one transaction. A tenant outside the actor's scope is NOT_FOUND (not
 * FORBIDDEN) so ids of other tenants cannot be probed. The procedure runs inside
 * withTenant; a failed result is rethrown so the transaction rolls back.
 */
export const tenantProcedure = protectedProcedure
  .input(z.object({ tenantId: z.uuid() }))
  .use(async ({ ctx, input: { tenantId }, next }) => {
    if (!ctx.actor.tenantIds.includes(tenantId)) throw new TRPCError({ code: 'NOT_FOUND' });
    return withTenant(tenantId, async (tx) => {
      const res = await next({ ctx: { tx, tenantId, log: ctx.log.child({ tenant_id: tenantId }) } });
      if (!res.ok) throw res.error; // next() never throws: rethrow or the tx commits
      return res;
    });
  });
