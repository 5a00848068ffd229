import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit';
import type { Tx } from '../../database';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../pg-error';
import { tenantOnboarding, tenants } from '../../schema/index';
import { TenantStateError } from './tenant-errors';
import { TenantCompanyInput } from './tenant-fields';

const Actor = { actorUserId: z.uuid().nullable(), ip: z.string().max(100).nullable().optional() };

export const CreateTenantInput = TenantCompanyInput.extend({ id: z.uuid(), ...Actor });
export type CreateTenantInput = z.input<typeof CreateTenantInput>;

const companyOf = (t: typeof tenants.$inferSelect) => ({
  name: t.name,
  slug: t.slug,
  aliases: t.aliases,
  timezone: t.timezone,
});

/**
 * A new tenant, run inside `withTenant(id)` (the new id is the scope, so the tenants policy admits
 * the insert). Its onboarding record starts with the company step saved.
 */
export async function createTenant(tx: Tx, input: CreateTenantInput) {
  const p = CreateTenantInput.parse(input);
  const [tenant] = await slugChecked(
    p.slug,
    tx
      .insert(tenants)
      .values({ id: p.id, name: p.name, slug: p.slug, aliases: p.aliases, timezone: p.timezone })
      .returning(),
  );
  if (!tenant) throw new TenantStateError('the tenant was not created');
  await tx.insert(tenantOnboarding).values({
    tenantId: tenant.id,
    steps: { company: { savedAt: new Date().toISOString(), skipped: false } },
    updatedBy: p.actorUserId,
  });
  await recordAudit(tx, {
    tenantId: tenant.id,
    actorUserId: p.actorUserId,
    action: 'tenant.created',
    target: `tenant:${tenant.id}`,
    after: companyOf(tenant),
    ip: p.ip ?? null,
  });
  return tenant;
}

export const UpdateTenantInput = TenantCompanyInput.extend({ tenantId: z.uuid(), ...Actor });
export type UpdateTenantInput = z.input<typeof UpdateTenantInput>;

/** Edits the company fields; the audit entry keeps before and after. */
export async function updateTenant(tx: Tx, input: UpdateTenantInput) {
  const p = UpdateTenantInput.parse(input);
  const [before] = await tx.select().from(tenants).where(eq(tenants.id, p.tenantId));
  if (!before) throw new TenantStateError('no such tenant');
  const [after] = await slugChecked(
    p.slug,
    tx
      .update(tenants)
      .set({ name: p.name, slug: p.slug, aliases: p.aliases, timezone: p.timezone })
      .where(eq(tenants.id, p.tenantId))
      .returning(),
  );
  if (!after) throw new TenantStateError('no such tenant');
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: 'tenant.updated',
    target: `tenant:${p.tenantId}`,
    before: companyOf(before),
    after: companyOf(after),
    ip: p.ip ?? null,
  });
  return after;
}

export const SetTenantStatusInput = z.object({
  tenantId: z.uuid(),
  status: z.enum(['active', 'suspended']),
  ...Actor,
});
export type SetTenantStatusInput = z.input<typeof SetTenantStatusInput>;

/**
 * Suspends or reactivates a tenant. Suspended: ingest answers 403, daemons skip it, its client
 * users and analysts lose it from their scope (auth_resolve_actor reads the status per request).
 */
export async function setTenantStatus(tx: Tx, input: SetTenantStatusInput) {
  const p = SetTenantStatusInput.parse(input);
  const [before] = await tx
    .select({ status: tenants.status })
    .from(tenants)
    .where(eq(tenants.id, p.tenantId));
  if (!before) throw new TenantStateError('no such tenant');
  if (before.status === p.status) return { id: p.tenantId, status: p.status, changed: false };
  await tx.update(tenants).set({ status: p.status }).where(eq(tenants.id, p.tenantId));
  await recordAudit(tx, {
    tenantId: p.tenantId,
    actorUserId: p.actorUserId,
    action: p.status === 'suspended' ? 'tenant.suspended' : 'tenant.reactivated',
    target: `tenant:${p.tenantId}`,
    before: { status: before.status },
    after: { status: p.status },
    ip: p.ip ?? null,
  });
  return { id: p.tenantId, status: p.status, changed: true };
}

/** Slugs are unique across all tenants, but a scope sees only its own: the unique index decides. */
async function slugChecked<T>(slug: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new TenantStateError(`the slug ${slug} is taken`);
    throw err;
  }
}
