import { and, eq, ne, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../database';
import { NotFoundError } from '../../errors';
import {
  contactKind,
  type MsspContact,
  msspContactKind,
  msspContacts,
  type TenantContact,
  tenantContacts,
} from '../../schema/index';

const ContactFields = z.object({
  name: z.string().trim().min(1).max(200),
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  phone: z.string().trim().max(50).nullable().default(null),
  position: z.int().min(0).max(1000).default(0),
  notes: z.string().max(2000).default(''),
});

export const TenantContactInput = ContactFields.extend({
  /** Absent: a new contact. */
  id: z.uuid().optional(),
  kind: z.enum(contactKind.enumValues),
});
export type TenantContactInput = z.input<typeof TenantContactInput>;

export const MsspContactInput = ContactFields.extend({
  id: z.uuid().optional(),
  kind: z.enum(msspContactKind.enumValues),
});
export type MsspContactInput = z.input<typeof MsspContactInput>;

/** Why a save was refused; the caller turns it into a visible conflict. */
export type ContactConflict = 'primary_exists' | 'email_exists';

type Saved<T> = { ok: true; contact: T; before: T | null } | { ok: false; conflict: ContactConflict };

/**
 * Adds or updates a tenant contact. A second primary or the same email twice for one kind is a
 * conflict (checked here so the caller gets a reason, backed by unique indexes).
 */
export async function saveTenantContact(
  tx: Tx,
  tenantId: string,
  input: TenantContactInput,
): Promise<Saved<TenantContact>> {
  const c = TenantContactInput.parse(input);
  const others = (extra: SQL | undefined) =>
    and(eq(tenantContacts.tenantId, tenantId), extra, ...(c.id ? [ne(tenantContacts.id, c.id)] : []));
  if (c.kind === 'primary') {
    const [primary] = await tx
      .select({ id: tenantContacts.id })
      .from(tenantContacts)
      .where(others(eq(tenantContacts.kind, 'primary')));
    if (primary) return { ok: false, conflict: 'primary_exists' };
  }
  const [sameEmail] = await tx
    .select({ id: tenantContacts.id })
    .from(tenantContacts)
    .where(others(and(eq(tenantContacts.kind, c.kind), eq(tenantContacts.email, c.email))));
  if (sameEmail) return { ok: false, conflict: 'email_exists' };

  const values = {
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    position: c.position,
    notes: c.notes,
  };
  if (!c.id) {
    const [contact] = await tx
      .insert(tenantContacts)
      .values({ tenantId, ...values })
      .returning();
    if (!contact) throw new Error('insert returned no contact');
    return { ok: true, contact, before: null };
  }
  const [before] = await tx
    .select()
    .from(tenantContacts)
    .where(and(eq(tenantContacts.tenantId, tenantId), eq(tenantContacts.id, c.id)))
    .for('update');
  if (!before) throw new NotFoundError('contact not found');
  const [contact] = await tx
    .update(tenantContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(tenantContacts.tenantId, tenantId), eq(tenantContacts.id, c.id)))
    .returning();
  if (!contact) throw new NotFoundError('contact not found');
  return { ok: true, contact, before };
}

/** Removes a tenant contact; returns it (for the audit log). */
export async function deleteTenantContact(tx: Tx, tenantId: string, id: string): Promise<TenantContact> {
  const [gone] = await tx
    .delete(tenantContacts)
    .where(and(eq(tenantContacts.tenantId, tenantId), eq(tenantContacts.id, id)))
    .returning();
  if (!gone) throw new NotFoundError('contact not found');
  return gone;
}

/** Adds or updates an MSSP contact (the caller checks the actor is an MSSP admin). */
export async function saveMsspContact(tx: Tx, input: MsspContactInput): Promise<Saved<MsspContact>> {
  const c = MsspContactInput.parse(input);
  const [sameEmail] = await tx
    .select({ id: msspContacts.id })
    .from(msspContacts)
    .where(
      and(
        eq(msspContacts.kind, c.kind),
        eq(msspContacts.email, c.email),
        ...(c.id ? [ne(msspContacts.id, c.id)] : []),
      ),
    );
  if (sameEmail) return { ok: false, conflict: 'email_exists' };
  const values = {
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    position: c.position,
    notes: c.notes,
  };
  if (!c.id) {
    const [contact] = await tx.insert(msspContacts).values(values).returning();
    if (!contact) throw new Error('insert returned no contact');
    return { ok: true, contact, before: null };
  }
  const [before] = await tx.select().from(msspContacts).where(eq(msspContacts.id, c.id)).for('update');
  if (!before) throw new NotFoundError('contact not found');
  const [contact] = await tx
    .update(msspContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(msspContacts.id, c.id))
    .returning();
  if (!contact) throw new NotFoundError('contact not found');
  return { ok: true, contact, before };
}

export async function deleteMsspContact(tx: Tx, id: string): Promise<MsspContact> {
  const [gone] = await tx.delete(msspContacts).where(eq(msspContacts.id, id)).returning();
  if (!gone) throw new NotFoundError('contact not found');
  return gone;
}
