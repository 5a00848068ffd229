import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from './database';
import { TenantScopeError } from './errors';
import { rowsOf } from './rows';
import { auditLog } from './schema/index';

export const RecordAuditInput = z.object({
  /** Required when the scope holds several tenants; defaults to the scope's only tenant. */
  tenantId: z.uuid().optional(),
  /** Null for system actions. */
  actorUserId: z.uuid().nullable(),
  action: z.string().min(1).max(200),
  target: z.string().min(1).max(500),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  ip: z.string().max(100).nullable().optional(),
});
export type RecordAuditInput = z.input<typeof RecordAuditInput>;

/**
 * The request an audit entry comes from. The web app runs each tRPC call inside it, so every
 * entry written on the way records the caller's address without each procedure passing it.
 */
export const auditRequest = new AsyncLocalStorage<{ ip: string | null }>();

/** Appends to the tenant's audit log inside `withTenant` (RLS rejects a tenant outside the scope). */
export async function recordAudit(
  tx: Tx,
  input: RecordAuditInput,
): Promise<{ id: string; tenantId: string }> {
  const entry = RecordAuditInput.parse(input);
  const tenantId = entry.tenantId ?? (await onlyTenantOfScope(tx));
  const id = crypto.randomUUID();
  // No RETURNING: the row is checked by the policy anyway, and this keeps INSERT-only grants enough.
  await tx.insert(auditLog).values({
    tenantId,
    id,
    actorUserId: entry.actorUserId,
    action: entry.action,
    target: entry.target,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? auditRequest.getStore()?.ip ?? null,
  });
  return { id, tenantId };
}

async function onlyTenantOfScope(tx: Tx): Promise<string> {
  const [row] = rowsOf<{ tenant_id: string | null }>(
    await tx.execute(sql`select public.scope_tenant() as tenant_id`),
  );
  if (!row?.tenant_id) {
    throw new TenantScopeError(
      'recordAudit needs an explicit tenantId unless the scope holds exactly one tenant',
    );
  }
  return row.tenant_id;
}
