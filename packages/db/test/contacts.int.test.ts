import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { listMsspContacts, listTenantContacts } from '../src/queries/contacts/list-contacts';
import { deleteTenantContact, saveTenantContact } from '../src/queries/contacts/save-contact';
import { seedDemoContacts } from '../src/queries/contacts/seed-demo-contacts';
import { getTier1Rule, saveTier1Rule } from '../src/queries/contacts/tier1-rule';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';

const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
});

describe('contacts', () => {
  it('seeds demo contacts once: a primary, ordered escalation, a report recipient, SOC management', async () => {
    const first = await seedDemoContacts(t.app.db, [a, b]);
    expect(first.created).toBe(9);
    expect(await seedDemoContacts(t.app.db, [a, b])).toEqual({ created: 0 });
    const listed = await asA((tx) => listTenantContacts(tx, a.id));
    expect(listed.map((c) => [c.kind, c.position])).toEqual([
      ['primary', 0],
      ['escalation', 1],
      ['escalation', 2],
      ['report_recipient', 0],
    ]);
    expect(listed.every((c) => c.email.endsWith(`@${a.slug}.example`))).toBe(true);
    expect((await asA((tx) => listTenantContacts(tx, a.id, ['escalation']))).map((c) => c.name)).toEqual([
      'Security manager',
      'CISO',
    ]);
    expect((await asA((tx) => listMsspContacts(tx, 'soc_management'))).map((c) => c.email)).toEqual([
      'soc-manager@palisade-mssp.example',
    ]);
  });

  it('refuses a second primary and a duplicate email (case-insensitive) with a reason, storing nothing', async () => {
    const primary = { kind: 'primary' as const, name: 'Other', email: 'other@a.test' };
    expect(await asA((tx) => saveTenantContact(tx, a.id, primary))).toEqual({
      ok: false,
      conflict: 'primary_exists',
    });
    const dup = { kind: 'escalation' as const, name: 'Dup', email: `CISO@${a.slug.toUpperCase()}.example` };
    expect(await asA((tx) => saveTenantContact(tx, a.id, dup))).toEqual({
      ok: false,
      conflict: 'email_exists',
    });
    // The same address may be another tenant's contact.
    const inB = await withTenantOn(t.app.db, b.id, (tx) =>
      saveTenantContact(tx, b.id, { kind: 'escalation', name: 'Shared', email: `ciso@${a.slug}.example` }),
    );
    expect(inB).toMatchObject({ ok: true, contact: { tenantId: b.id, email: `ciso@${a.slug}.example` } });
  });

  it('edits keep the id and return the previous values; deleting another tenant’s contact finds nothing', async () => {
    const [primary] = await asA((tx) => listTenantContacts(tx, a.id, ['primary']));
    if (!primary) throw new Error('seeded primary missing');
    const saved = await asA((tx) =>
      saveTenantContact(tx, a.id, {
        id: primary.id,
        kind: 'primary',
        name: 'New lead',
        email: 'Lead@A.test',
      }),
    );
    expect(saved).toMatchObject({
      ok: true,
      contact: { id: primary.id, name: 'New lead', email: 'lead@a.test' },
      before: { name: primary.name },
    });
    await expect(asA((tx) => deleteTenantContact(tx, b.id, primary.id))).rejects.toThrow(/not found/);
  });

  it('a tenant without a saved tier 1 rule gets the defaults; a saved one is returned as stored', async () => {
    expect(await asA((tx) => getTier1Rule(tx, a.id))).toEqual({
      enabled: true,
      severities: ['critical', 'high'],
      artifactTypes: [],
      saved: false,
    });
    await asA((tx) =>
      saveTier1Rule(tx, a.id, { enabled: true, severities: ['medium', 'medium'], artifactTypes: ['url'] }),
    );
    expect(await asA((tx) => getTier1Rule(tx, a.id))).toEqual({
      enabled: true,
      severities: ['medium'],
      artifactTypes: ['url'],
      saved: true,
    });
    expect((await withTenantOn(t.app.db, b.id, (tx) => getTier1Rule(tx, b.id))).saved).toBe(false);
  });
});
