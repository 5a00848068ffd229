import { auditLog } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

const auditOf = (tenantId: string, prefix: string) =>
  t.db
    .select({
      action: auditLog.action,
      target: auditLog.target,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.actorUserId, fx.admin.id)))
    .orderBy(asc(auditLog.at))
    .then((rows) => rows.filter((r) => r.action.startsWith(prefix)));

describe('contacts router', () => {
  it('audits every change with who, what and the values before and after', async () => {
    const admin = await callerFor(fx.admin);
    const created = await admin.contacts.save({
      tenantId: fx.b.id,
      contact: { kind: 'primary', name: 'Pat Primary', email: 'Pat@B.test' },
    });
    await admin.contacts.save({
      tenantId: fx.b.id,
      contact: { id: created.id, kind: 'primary', name: 'Pat Primary', email: 'pat@b.test', position: 2 },
    });
    await admin.contacts.remove({ tenantId: fx.b.id, contactId: created.id });
    await admin.contacts.saveTier1Rule({
      tenantId: fx.b.id,
      rule: { enabled: true, severities: ['critical'], artifactTypes: ['url'] },
    });
    const soc = await admin.contacts.saveMssp({
      tenantId: fx.b.id,
      contact: { kind: 'soc_management', name: 'Duty manager', email: 'duty@mssp.test' },
    });
    await admin.contacts.removeMssp({ tenantId: fx.b.id, contactId: soc.id });

    const entries = [...(await auditOf(fx.b.id, 'contact.')), ...(await auditOf(fx.b.id, 'mssp_contact.'))];
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['contact.created', `contact:${created.id}`],
      ['contact.updated', `contact:${created.id}`],
      ['contact.deleted', `contact:${created.id}`],
      ['mssp_contact.created', `mssp_contact:${soc.id}`],
      ['mssp_contact.deleted', `mssp_contact:${soc.id}`],
    ]);
    expect(entries[1]).toMatchObject({
      before: { position: 0 },
      after: { position: 2, email: 'pat@b.test' },
    });
    expect(await auditOf(fx.b.id, 'tier1_rule.')).toEqual([
      {
        action: 'tier1_rule.saved',
        target: `tenant:${fx.b.id}`,
        before: { enabled: true, severities: ['critical', 'high'], artifactTypes: [] },
        after: { enabled: true, severities: ['critical'], artifactTypes: ['url'] },
      },
    ]);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const admin = await callerFor(fx.admin);
    await expect(
      admin.contacts.save({
        tenantId: fx.b.id,
        contact: { kind: 'escalation', name: 'X', email: 'not-an-email' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.contacts.saveTier1Rule({
        tenantId: fx.b.id,
        // @ts-expect-error an artifact type the extractor does not know
        rule: { enabled: true, severities: [], artifactTypes: ['hostname'] },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await admin.contacts.list({ tenantId: fx.b.id })).contacts).toEqual([]);
  });
});
