import { getDatabase } from '@palisade/db/client';
import { outbox, tenantContacts } from '@palisade/db/schema';
import { expect } from 'vitest';
import { type Case, FORBIDDEN, NOT_FOUND } from './isolation-case';
import type { Fixtures } from './trpc-fixtures';

// The notifications.* and contacts.* rows of the isolation suite. Fixtures are written as the owner
// (no audit entries); mutations that audit act in tenant C, so tenant A's audit count stays as seeded.

type TenantRows = { messageId: string; contactId: string; email: string; incidentId: string };
type NotificationFixtures = Record<'a' | 'b' | 'c', TenantRows>;
let seeded: Promise<NotificationFixtures> | undefined;

function notificationFixtures(fx: Fixtures): Promise<NotificationFixtures> {
  seeded ??= (async () => {
    const { db } = await getDatabase();
    const rows = async (tenantId: string, label: string): Promise<TenantRows> => {
      const messageId = crypto.randomUUID();
      const contactId = crypto.randomUUID();
      const incidentId = crypto.randomUUID();
      const email = `primary-${label}@client-${label}.test`;
      await db.insert(outbox).values({
        tenantId,
        id: messageId,
        idempotencyKey: `iso:${label}`,
        to: [email],
        subject: `Secret subject of ${label}`,
        html: `<p>body of ${label}</p>`,
        text: `body of ${label}`,
        kind: 'tier1',
        incidentId,
        status: 'sent',
        deliveredVia: 'outbox',
        attempts: 1,
        sentAt: new Date(),
      });
      await db
        .insert(tenantContacts)
        .values({ tenantId, id: contactId, kind: 'primary', name: `Primary ${label}`, email });
      return { messageId, contactId, email, incidentId };
    };
    return { a: await rows(fx.a.id, 'a'), b: await rows(fx.b.id, 'b'), c: await rows(fx.c.id, 'c') };
  })();
  return seeded;
}

const newContact = (email: string) => ({
  kind: 'escalation' as const,
  name: 'Escalation',
  email,
  position: 1,
});

export const NOTIFICATIONS_CASES = {
  'notifications.list': {
    call: (c) => c.notifications.list({}),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await expect(clientA.notifications.list({ tenantId: fx.b.id })).rejects.toMatchObject(FORBIDDEN);
      await expect(analyst.notifications.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const n = await notificationFixtures(fx);
      const seen = (await analyst.notifications.list({})).items.map((m) => m.id);
      expect(seen).toEqual(expect.arrayContaining([n.a.messageId, n.c.messageId]));
      expect(seen).not.toContain(n.b.messageId);
      // Other rows (invitations the admin cases send in B) may be there too: all of B, none of A or C.
      const inB = await admin.notifications.list({ tenantId: fx.b.id, status: 'sent' });
      expect(inB.items.map((m) => m.id)).toContain(n.b.messageId);
      expect(new Set(inB.items.map((m) => m.tenantId))).toEqual(new Set([fx.b.id]));
      // An incident's notifications: its own messages only, and never another tenant's through its id.
      expect(
        (await analyst.notifications.list({ incidentId: n.a.incidentId })).items.map((m) => m.id),
      ).toEqual([n.a.messageId]);
      expect((await analyst.notifications.list({ incidentId: n.b.incidentId })).items).toEqual([]);
    },
  },
  'notifications.get': {
    call: (c, fx) => c.notifications.get({ tenantId: fx.a.id, messageId: crypto.randomUUID() }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const n = await notificationFixtures(fx);
      await expect(
        clientA.notifications.get({ tenantId: fx.b.id, messageId: n.b.messageId }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        clientA.notifications.get({ tenantId: fx.a.id, messageId: n.a.messageId }),
      ).rejects.toMatchObject(FORBIDDEN);
      // B's message named under A's tenant is not found either.
      await expect(
        analyst.notifications.get({ tenantId: fx.a.id, messageId: n.b.messageId }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      const n = await notificationFixtures(fx);
      expect(await analyst.notifications.get({ tenantId: fx.a.id, messageId: n.a.messageId })).toMatchObject({
        id: n.a.messageId,
        html: '<p>body of a</p>',
        text: 'body of a',
      });
    },
  },
  'notifications.retry': {
    call: (c, fx) => c.notifications.retry({ tenantId: fx.a.id, messageId: crypto.randomUUID() }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const n = await notificationFixtures(fx);
      await expect(
        clientA.notifications.retry({ tenantId: fx.b.id, messageId: n.b.messageId }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        analyst.notifications.retry({ tenantId: fx.c.id, messageId: n.b.messageId }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst }, fx) => {
      // The procedure reaches its own tenant's message: a sent one is refused with its status, not hidden.
      const n = await notificationFixtures(fx);
      await expect(
        analyst.notifications.retry({ tenantId: fx.c.id, messageId: n.c.messageId }),
      ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('sent') });
    },
  },
  'contacts.list': {
    call: (c, fx) => c.contacts.list({ tenantId: fx.a.id }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(clientA.contacts.list({ tenantId: fx.b.id })).rejects.toMatchObject(NOT_FOUND);
      await expect(clientA.contacts.list({ tenantId: fx.a.id })).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ analyst }, fx) => {
      const n = await notificationFixtures(fx);
      const listed = await analyst.contacts.list({ tenantId: fx.a.id });
      expect(listed.contacts.map((c) => c.email)).toEqual([n.a.email]);
      expect(listed.tier1Rule).toMatchObject({
        enabled: true,
        severities: ['critical', 'high'],
        saved: false,
      });
    },
  },
  'contacts.save': {
    call: (c, fx) => c.contacts.save({ tenantId: fx.a.id, contact: newContact('x@a.test') }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const n = await notificationFixtures(fx);
      await expect(
        clientA.contacts.save({ tenantId: fx.b.id, contact: newContact('x@b.test') }),
      ).rejects.toMatchObject(NOT_FOUND);
      // Editing B's contact by id from C's tenant finds nothing.
      await expect(
        analyst.contacts.save({
          tenantId: fx.c.id,
          contact: { ...newContact('y@c.test'), id: n.b.contactId },
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const n = await notificationFixtures(fx);
      const saved = await analyst.contacts.save({ tenantId: fx.c.id, contact: newContact('Esc@C.test') });
      expect(saved).toMatchObject({ tenantId: fx.c.id, kind: 'escalation', email: 'esc@c.test' });
      // A second primary is a visible conflict.
      await expect(
        analyst.contacts.save({
          tenantId: fx.c.id,
          contact: { ...newContact('p2@c.test'), kind: 'primary' },
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await admin.contacts.list({ tenantId: fx.b.id })).contacts.map((c) => c.email)).toEqual([
        n.b.email,
      ]);
    },
  },
  'contacts.remove': {
    call: (c, fx) => c.contacts.remove({ tenantId: fx.a.id, contactId: crypto.randomUUID() }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const n = await notificationFixtures(fx);
      await expect(
        clientA.contacts.remove({ tenantId: fx.b.id, contactId: n.b.contactId }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        analyst.contacts.remove({ tenantId: fx.c.id, contactId: n.b.contactId }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const n = await notificationFixtures(fx);
      const { id } = await analyst.contacts.save({ tenantId: fx.c.id, contact: newContact('gone@c.test') });
      expect(await analyst.contacts.remove({ tenantId: fx.c.id, contactId: id })).toEqual({ id });
      expect((await admin.contacts.list({ tenantId: fx.b.id })).contacts.map((c) => c.id)).toEqual([
        n.b.contactId,
      ]);
    },
  },
  'contacts.saveTier1Rule': {
    call: (c, fx) =>
      c.contacts.saveTier1Rule({
        tenantId: fx.a.id,
        rule: { enabled: true, severities: [], artifactTypes: [] },
      }),
    crossTenant: async ({ clientA }, fx) => {
      await expect(
        clientA.contacts.saveTier1Rule({
          tenantId: fx.b.id,
          rule: { enabled: false, severities: [], artifactTypes: [] },
        }),
      ).rejects.toMatchObject(NOT_FOUND);
    },
    positive: async ({ analyst, admin }, fx) => {
      const rule = { enabled: true, severities: ['critical' as const], artifactTypes: ['sha256' as const] };
      expect(await analyst.contacts.saveTier1Rule({ tenantId: fx.c.id, rule })).toEqual(rule);
      expect((await analyst.contacts.list({ tenantId: fx.c.id })).tier1Rule).toEqual({
        ...rule,
        saved: true,
      });
      expect((await admin.contacts.list({ tenantId: fx.b.id })).tier1Rule.saved).toBe(false);
    },
  },
  'contacts.saveMssp': {
    call: (c, fx) =>
      c.contacts.saveMssp({
        tenantId: fx.a.id,
        contact: { kind: 'soc_management', name: 'SOC', email: 'soc@mssp.test' },
      }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      const contact = { kind: 'soc_management' as const, name: 'SOC', email: 'soc@mssp.test' };
      await expect(clientA.contacts.saveMssp({ tenantId: fx.b.id, contact })).rejects.toMatchObject(
        NOT_FOUND,
      );
      await expect(analyst.contacts.saveMssp({ tenantId: fx.c.id, contact })).rejects.toMatchObject(
        FORBIDDEN,
      );
    },
    positive: async ({ analyst, admin }, fx) => {
      const saved = await admin.contacts.saveMssp({
        tenantId: fx.c.id,
        contact: { kind: 'soc_management', name: 'SOC lead', email: 'lead@mssp.test' },
      });
      // MSSP-wide: every tenant's page shows it.
      expect((await analyst.contacts.list({ tenantId: fx.a.id })).msspContacts.map((c) => c.id)).toContain(
        saved.id,
      );
    },
  },
  'contacts.removeMssp': {
    call: (c, fx) => c.contacts.removeMssp({ tenantId: fx.a.id, contactId: crypto.randomUUID() }),
    crossTenant: async ({ clientA, analyst }, fx) => {
      await expect(
        clientA.contacts.removeMssp({ tenantId: fx.b.id, contactId: crypto.randomUUID() }),
      ).rejects.toMatchObject(NOT_FOUND);
      await expect(
        analyst.contacts.removeMssp({ tenantId: fx.c.id, contactId: crypto.randomUUID() }),
      ).rejects.toMatchObject(FORBIDDEN);
    },
    positive: async ({ admin }, fx) => {
      const { id } = await admin.contacts.saveMssp({
        tenantId: fx.c.id,
        contact: { kind: 'soc_management', name: 'Night lead', email: 'night@mssp.test' },
      });
      expect(await admin.contacts.removeMssp({ tenantId: fx.c.id, contactId: id })).toEqual({ id });
      expect((await admin.contacts.list({ tenantId: fx.c.id })).msspContacts.map((c) => c.id)).not.toContain(
        id,
      );
    },
  },
} satisfies Record<string, Case>;
