import { getDatabase } from '@palisade/db/client';
import { users } from '@palisade/db/schema';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';

// The users.*, onboarding.*, offboarding.*, tenant.create/update and audit.search rows of the
// isolation suite. fx.clientA is tenant A's client_admin. Cross-tenant checks write nothing in A;
// positive controls that write run after audit.list (these rows are spread after it) and never
// leave tenant A or C suspended.

const SAMPLE = JSON.stringify({ title: 'Isolation sample', severity: 'high', src_ip: '198.51.100.7' });

const emailOf = async (userId: string): Promise<string> => {
  const { db } = await getDatabase();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`fixture user ${userId} missing`);
  return row.email;
};

const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@fixture.test`;

export const ADMIN_CASES = {
  'tenant.create': {
    call: (c) => c.tenant.create({ name: 'Unauthorized', slug: `unauth-${crypto.randomUUID().slice(0, 8)}` }),
    crossTenant: async ({ clientA, analyst }) => {
      await expect(clientA.tenant.create({ name: 'X', slug: 'x-client' })).rejects.toMatchObject(FORBIDDEN);
      await expect(analyst.tenant.create({ name: 'X', slug: 'x-analyst' })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }) => {
      const slug = `iso-${crypto.randomUUID().slice(0, 8)}`;
      const created = await admin.tenant.create({ name: 'Iso New', slug, timezone: 'Europe/Paris' });
      expect(created).toMatchObject({ slug, status: 'active' });
      await expect(admin.tenant.create({ name: 'Dup', slug })).rejects.toMatchObject({ code: 'CONFLICT' });
    },
  },
  'tenant.update': {
    call: (c, fx) => c.tenant.update({ tenantId: fx.a.id, name: 'X', slug: fx.a.slug }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.tenant.update({ tenantId: fx.b.id, name: 'X', slug: fx.b.slug }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.tenant.update({ tenantId: fx.a.id, name: 'X', slug: fx.a.slug }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin, analyst }, fx) => {
      await expect(
        analyst.tenant.update({ tenantId: fx.c.id, name: 'X', slug: fx.c.slug }),
      ).rejects.toMatchObject(FORBIDDEN);
      const updated = await admin.tenant.update({
        tenantId: fx.b.id,
        name: fx.b.name,
        slug: fx.b.slug,
        aliases: ['b-corp.example'],
      });
      expect(updated.aliases).toEqual(['b-corp.example']);
    },
  },
  'audit.search': {
    call: (c, fx) => c.audit.search({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.audit.search({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      const all = await clientA.audit.search({});
      expect(new Set(all.items.map((e) => e.tenantId))).toEqual(new Set([fx.a.id]));
    },
    positive: async ({ analyst, admin }, fx) => {
      const seen = await analyst.audit.search({ text: 'tenant:' });
      expect(seen.items.some((e) => e.id === fx.auditIds.a)).toBe(true);
      expect(seen.items.some((e) => e.id === fx.auditIds.b)).toBe(false);
      const forB = await admin.audit.search({ tenantId: fx.b.id, action: 'tenant.' });
      expect(forB.items.map((e) => e.id)).toContain(fx.auditIds.b);
    },
  },
  'users.list': {
    call: (c, fx) => c.users.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.users.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      const own = await clientA.users.list({ tenantId: fx.a.id });
      expect(own.users.map((u) => u.id)).not.toContain(fx.clientB.id);
    },
    positive: async ({ clientA, analyst }, fx) => {
      const own = await clientA.users.list({ tenantId: fx.a.id });
      expect(own.users.map((u) => u.id)).toEqual(expect.arrayContaining([fx.clientA.id, fx.analyst.id]));
      await expect(analyst.users.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
  },
  'users.invite': {
    call: (c, fx) => c.users.invite({ tenantId: fx.a.id, email: 'x@fixture.test', role: 'client_viewer' }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await expect(
        clientA.users.invite({ tenantId: fx.b.id, email: uniqueEmail('x'), role: 'client_admin' }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        analyst.users.invite({ tenantId: fx.a.id, email: uniqueEmail('x'), role: 'client_admin' }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ clientA }, fx) => {
      const sent = await clientA.users.invite({
        tenantId: fx.a.id,
        email: uniqueEmail('iso'),
        role: 'client_viewer',
      });
      expect(sent.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    },
  },
  'users.revokeInvitation': {
    call: (c, fx) => c.users.revokeInvitation({ tenantId: fx.a.id, invitationId: crypto.randomUUID() }),
    crossTenant: async ({ clientA, admin }, fx) => {
      const inB = await admin.users.invite({
        tenantId: fx.b.id,
        email: uniqueEmail('b'),
        role: 'client_viewer',
      });
      await expect(
        clientA.users.revokeInvitation({ tenantId: fx.b.id, invitationId: inB.id }),
      ).rejects.toMatchObject(NOT_FOUND);
      // B's invitation named under A's tenant is not found there.
      await expect(
        clientA.users.revokeInvitation({ tenantId: fx.a.id, invitationId: inB.id }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    },
    positive: async ({ clientA }, fx) => {
      const sent = await clientA.users.invite({
        tenantId: fx.a.id,
        email: uniqueEmail('rv'),
        role: 'client_viewer',
      });
      expect(
        await clientA.users.revokeInvitation({ tenantId: fx.a.id, invitationId: sent.id }),
      ).toMatchObject({
        id: sent.id,
      });
    },
  },
  'users.setActive': {
    call: (c, fx) => c.users.setActive({ tenantId: fx.a.id, userId: fx.clientA.id, active: true }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.users.setActive({ tenantId: fx.b.id, userId: fx.clientB.id, active: false }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.users.setActive({ tenantId: fx.a.id, userId: fx.clientB.id, active: false }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    },
    positive: async ({ clientA, admin }, fx) => {
      // A client admin cannot touch the analyst; the MSSP admin can (and puts it back).
      await expect(
        clientA.users.setActive({ tenantId: fx.a.id, userId: fx.analyst.id, active: false }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(
        await admin.users.setActive({ tenantId: fx.a.id, userId: fx.inactiveClientA.id, active: false }),
      ).toEqual({ id: fx.inactiveClientA.id, active: false });
    },
  },
  'users.setRole': {
    call: (c, fx) =>
      c.users.setRole({ tenantId: fx.a.id, userId: fx.inactiveClientA.id, role: 'client_viewer' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.users.setRole({ tenantId: fx.b.id, userId: fx.clientB.id, role: 'client_viewer' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      expect(
        await clientA.users.setRole({
          tenantId: fx.a.id,
          userId: fx.inactiveClientA.id,
          role: 'client_viewer',
        }),
      ).toEqual({ id: fx.inactiveClientA.id, role: 'client_viewer' });
    },
  },
  'users.resetPassword': {
    call: (c, fx) => c.users.resetPassword({ tenantId: fx.a.id, userId: fx.inactiveClientA.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.users.resetPassword({ tenantId: fx.b.id, userId: fx.clientB.id }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.users.resetPassword({ tenantId: fx.a.id, userId: fx.clientB.id }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ clientA }, fx) => {
      const link = await clientA.users.resetPassword({ tenantId: fx.a.id, userId: fx.inactiveClientA.id });
      expect(link.url).toMatch(/\/invite\//);
      await expect(
        clientA.users.resetPassword({ tenantId: fx.a.id, userId: fx.analyst.id }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
  },
  'users.assignAnalyst': {
    call: (c, fx) => c.users.assignAnalyst({ tenantId: fx.a.id, email: 'x@fixture.test' }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const email = await emailOf(fx.analyst.id);
      await expect(clientA.users.assignAnalyst({ tenantId: fx.b.id, email })).rejects.toMatchObject(
        FORBIDDEN,
      );
      await expect(analyst.users.assignAnalyst({ tenantId: fx.b.id, email })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
    positive: async ({ admin }, fx) => {
      await expect(
        admin.users.assignAnalyst({ tenantId: fx.b.id, email: await emailOf(fx.clientA.id) }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const analystEmail = await emailOf(fx.analyst.id);
      expect(await admin.users.assignAnalyst({ tenantId: fx.b.id, email: analystEmail })).toMatchObject({
        assigned: true,
      });
      // Undo at once: the rest of the suite counts on the analyst seeing only A and C.
      await admin.users.unassignAnalyst({ tenantId: fx.b.id, userId: fx.analyst.id });
    },
  },
  'users.unassignAnalyst': {
    call: (c, fx) => c.users.unassignAnalyst({ tenantId: fx.a.id, userId: fx.analyst.id }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await expect(
        clientA.users.unassignAnalyst({ tenantId: fx.b.id, userId: fx.analyst.id }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        analyst.users.unassignAnalyst({ tenantId: fx.a.id, userId: fx.analyst.id }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }, fx) => {
      await expect(
        admin.users.unassignAnalyst({ tenantId: fx.b.id, userId: fx.analyst.id }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    },
  },
  'users.totpStatus': {
    call: (c) => c.users.totpStatus(),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.users.totpStatus()).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }) => {
      expect(await analyst.users.totpStatus()).toEqual({ enabled: false, pending: false });
    },
  },
  'users.totpBegin': {
    call: (c) => c.users.totpBegin(),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.users.totpBegin()).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }) => {
      const started = await admin.users.totpBegin();
      expect(started.uri).toMatch(/^otpauth:\/\/totp\//);
      expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    },
  },
  'users.totpConfirm': {
    call: (c) => c.users.totpConfirm({ code: '000000' }),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.users.totpConfirm({ code: '000000' })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }) => {
      // No pending secret: refused as a wrong code, not as a permission problem.
      await expect(analyst.users.totpConfirm({ code: '123456' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    },
  },
  'users.totpDisable': {
    call: (c) => c.users.totpDisable({ code: '000000' }),
    crossTenant: async ({ clientA }) => {
      await expect(clientA.users.totpDisable({ code: '000000' })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }) => {
      await expect(analyst.users.totpDisable({ code: '123456' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    },
  },
  'onboarding.checklist': {
    call: (c, fx) => c.onboarding.checklist({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.onboarding.checklist({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.onboarding.checklist({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }, fx) => {
      const list = await admin.onboarding.checklist({ tenantId: fx.b.id });
      expect(list.tenant.id).toBe(fx.b.id);
      expect(list.items.find((i) => i.id === 'users')?.done).toBe(true); // B's client user
    },
  },
  'onboarding.saveStep': {
    call: (c, fx) => c.onboarding.saveStep({ tenantId: fx.a.id, step: 'lists', skipped: true }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.onboarding.saveStep({ tenantId: fx.b.id, step: 'lists', skipped: true }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      const list = await admin.onboarding.saveStep({ tenantId: fx.b.id, step: 'lists', skipped: true });
      expect(list.items.find((i) => i.id === 'lists')).toMatchObject({ skipped: true });
    },
  },
  'onboarding.complete': {
    call: (c, fx) => c.onboarding.complete({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.onboarding.complete({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      // B has no SLA policy or primary contact yet: refused, naming what is missing.
      await expect(admin.onboarding.complete({ tenantId: fx.b.id })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('sla'),
      });
    },
  },
  'onboarding.testSample': {
    call: (c, fx) => c.onboarding.testSample({ tenantId: fx.a.id, sample: SAMPLE }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.onboarding.testSample({ tenantId: fx.b.id, sample: SAMPLE }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      const result = await admin.onboarding.testSample({ tenantId: fx.b.id, sample: SAMPLE });
      expect(result.ok && result.iocs.map((i) => i.value)).toContain('198.51.100.7');
    },
  },
  'onboarding.installPlaybooks': {
    call: (c, fx) => c.onboarding.installPlaybooks({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.onboarding.installPlaybooks({ tenantId: fx.b.id })).rejects.toMatchObject(
        NOT_FOUND,
      );
    },
    positive: async ({ analyst }, fx) => {
      await expect(analyst.onboarding.installPlaybooks({ tenantId: fx.c.id })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
  },
  'offboarding.setStatus': {
    call: (c, fx) => c.offboarding.setStatus({ tenantId: fx.a.id, status: 'active' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.offboarding.setStatus({ tenantId: fx.b.id, status: 'suspended' }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin, analyst }, fx) => {
      await expect(
        analyst.offboarding.setStatus({ tenantId: fx.c.id, status: 'suspended' }),
      ).rejects.toMatchObject(FORBIDDEN);
      expect(await admin.offboarding.setStatus({ tenantId: fx.b.id, status: 'active' })).toMatchObject({
        changed: false,
      });
    },
  },
  'offboarding.preview': {
    call: (c, fx) => c.offboarding.preview({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.offboarding.preview({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      expect((await admin.offboarding.preview({ tenantId: fx.b.id })).memberships).toBeGreaterThan(0);
    },
  },
  'offboarding.delete': {
    call: (c, fx) => c.offboarding.delete({ tenantId: fx.a.id, confirmSlug: 'wrong' }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.offboarding.delete({ tenantId: fx.b.id, confirmSlug: fx.b.slug }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ admin }, fx) => {
      // An active tenant is refused even with the right slug; nothing is deleted.
      await expect(
        admin.offboarding.delete({ tenantId: fx.b.id, confirmSlug: fx.b.slug }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect((await admin.tenant.get({ tenantId: fx.b.id })).id).toBe(fx.b.id);
    },
  },
} satisfies Record<string, Case>;
