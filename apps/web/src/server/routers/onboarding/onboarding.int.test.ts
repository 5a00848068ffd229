import { auditLog, tenantOnboarding } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// The wizard's server side, step by step through the same procedures the pages call: a new tenant
// starts with only the company done, each area's save shows in the checklist, going live is refused
// until the required steps are done.

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
});

const done = (list: { items: { id: string; done: boolean }[] }) =>
  list.items.filter((i) => i.done).map((i) => i.id);

describe('onboarding', () => {
  it('takes a new tenant from the company step to live, resumable at every step', async () => {
    const admin = await callerFor(fx.admin);
    const tenant = await admin.tenant.create({
      name: 'Umbrella Corp',
      slug: 'umbrella',
      aliases: ['umbrella.test'],
      timezone: 'Europe/Berlin',
    });
    // The next request sees the new tenant in the admin's scope.
    const next = async () => callerFor(fx.admin);
    const tenantId = tenant.id;
    let list = await (await next()).onboarding.checklist({ tenantId });
    expect(done(list)).toEqual(['company']);
    expect(list.missing).toEqual(['sla', 'contacts', 'data_sources', 'playbooks', 'users']);
    await expect((await next()).onboarding.complete({ tenantId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const c = await next();
    await c.sla.savePolicy({
      tenantId,
      policy: {
        severity: 'critical',
        enabled: true,
        assignMinutes: 5,
        resolveMinutes: 120,
        calendar: '24x7',
        warningFractions: [0.5],
        escalation: [],
      },
    });
    await c.contacts.save({
      tenantId,
      contact: { kind: 'primary', name: 'Dana', email: 'dana@umbrella.test', phone: null },
    });
    const source = await c.dataSource.create({ tenantId, name: 'Splunk' });
    expect(source.apiKey.key.length).toBeGreaterThan(20);
    const sample = await c.onboarding.testSample({
      tenantId,
      sample: JSON.stringify({ title: 'Beacon', severity: 'high', description: 'to 203.0.113.45' }),
    });
    expect(sample.ok && sample.iocs.map((i) => i.value)).toContain('203.0.113.45');
    const installed = await c.onboarding.installPlaybooks({ tenantId });
    expect(installed.installed.length).toBeGreaterThan(0);
    expect((await c.onboarding.installPlaybooks({ tenantId })).installed).toEqual([]); // kept as is
    await c.users.invite({ tenantId, email: 'client@umbrella.test', role: 'client_admin' });
    list = await c.onboarding.saveStep({ tenantId, step: 'daemons', skipped: true });
    expect(list.items.find((i) => i.id === 'daemons')).toMatchObject({ done: false, skipped: true });
    expect(list.missing).toEqual([]);

    const live = await c.onboarding.complete({ tenantId });
    expect(live.completedAt).not.toBeNull();
    const [state] = await t.db.select().from(tenantOnboarding).where(eq(tenantOnboarding.tenantId, tenantId));
    expect(Object.keys(state?.steps ?? {}).sort()).toEqual(['company', 'daemons']);
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.actorUserId, fx.admin.id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'tenant.created',
        'user.invited',
        'playbook.defaults_installed',
        'tenant.onboarding_completed',
      ]),
    );
  });

  it('refuses a taken slug and an unknown time zone with clear errors', async () => {
    const admin = await callerFor(fx.admin);
    await expect(admin.tenant.create({ name: 'Dup', slug: fx.a.slug })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `the slug ${fx.a.slug} is taken`,
    });
    await expect(
      admin.tenant.create({ name: 'Tz', slug: 'tz-test', timezone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
