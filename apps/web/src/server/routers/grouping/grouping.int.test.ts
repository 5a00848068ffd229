import { alerts, auditLog, dataSources } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;
let source: string;

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  source = crypto.randomUUID();
  await t.db.insert(dataSources).values({ tenantId: fx.a.id, id: source, name: 'EDR' });
  const minute = (m: number) => new Date(Date.now() - (120 - m) * 60_000);
  const alert = (m: number, ruleId: string, host: string) => ({
    tenantId: fx.a.id,
    dataSourceId: source,
    raw: {},
    payloadHash: crypto.randomUUID(),
    status: 'processed' as const,
    receivedAt: minute(m),
    title: `${ruleId} on ${host}`,
    ruleId,
    hosts: [host],
  });
  await t.db
    .insert(alerts)
    .values([alert(0, 'R1', 'h1'), alert(5, 'R2', 'h1'), alert(10, 'R1', 'h1'), alert(100, 'R1', 'h1')]);
});

describe('grouping settings procedures', () => {
  it('previews a rule on recent alerts before it is saved', async () => {
    const analyst = await callerFor(fx.analyst);
    const byRuleAndHost = await analyst.grouping.preview({
      tenantId: fx.a.id,
      rule: { fields: ['rule', 'host'], windowMinutes: 60 },
    });
    expect(byRuleAndHost).toMatchObject({ alerts: 4, incidents: 3, grouped: 1 });
    expect(byRuleAndHost.groups[0]?.alerts.map((a) => a.title)).toEqual(['R1 on h1', 'R1 on h1']);
    const byHost = await analyst.grouping.preview({
      tenantId: fx.a.id,
      dataSourceId: source,
      rule: { fields: ['host'], windowMinutes: 120 },
    });
    expect(byHost).toMatchObject({ alerts: 4, incidents: 1, grouped: 1 });
  });

  it('refuses invalid rules with a clear 400 and saves valid ones with an audit entry', async () => {
    const admin = await callerFor(fx.admin);
    await expect(
      admin.grouping.save({ tenantId: fx.a.id, rule: { fields: ['rule'], windowMinutes: 0 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.grouping.save({
        tenantId: fx.a.id,
        rule: { fields: ['rule', 'nope' as 'rule'], windowMinutes: 5 },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.grouping.save({ tenantId: fx.a.id, rule: null })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    await admin.grouping.save({ tenantId: fx.a.id, rule: { fields: ['rule'], windowMinutes: 30 } });
    await admin.grouping.save({
      tenantId: fx.a.id,
      dataSourceId: source,
      rule: { fields: ['host'], windowMinutes: 15 },
    });
    expect(await admin.grouping.get({ tenantId: fx.a.id })).toEqual({
      tenant: { fields: ['rule'], windowMinutes: 30 },
      sources: [{ id: source, name: 'EDR', rule: { fields: ['host'], windowMinutes: 15 } }],
    });
    await admin.grouping.save({ tenantId: fx.a.id, dataSourceId: source, rule: null });
    expect((await admin.grouping.get({ tenantId: fx.a.id })).sources[0]?.rule).toBeNull();

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, fx.a.id), eq(auditLog.action, 'grouping.save')))
      .orderBy(auditLog.at);
    expect(audit.map((e) => [e.target, e.before, e.after, e.actorUserId])).toEqual([
      [
        `tenant:${fx.a.id}`,
        { fields: ['rule', 'host'], windowMinutes: 60 },
        { fields: ['rule'], windowMinutes: 30 },
        fx.admin.id,
      ],
      [`data_source:${source}`, null, { fields: ['host'], windowMinutes: 15 }, fx.admin.id],
      [`data_source:${source}`, { fields: ['host'], windowMinutes: 15 }, null, fx.admin.id],
    ]);
  });
});
