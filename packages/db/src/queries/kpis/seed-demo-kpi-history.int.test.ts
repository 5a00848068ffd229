import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../password';
import { rowsOf } from '../../rows';
import { memberships, users } from '../../schema/index';
import { type SeededTenant, seedTenants, useTestDatabase } from '../../testing';
import { withTenantOn } from '../../with-tenant';
import { seedDemoKpiHistory } from './seed-demo-kpi-history';
import { tenantKpis } from './tenant-kpis';

const t = useTestDatabase();
const NOW = new Date('2026-06-30T12:00:00Z');
const analyst = crypto.randomUUID();
let a: SeededTenant;
let b: SeededTenant;

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await t.db.insert(users).values({
    id: analyst,
    email: `demo-${analyst}@kpi.test`,
    name: 'Demo Analyst',
    passwordHash: await hashPassword('kpi-demo-password'),
    kind: 'staff',
  });
  await t.db.insert(memberships).values([
    { tenantId: a.id, userId: analyst, role: 'analyst' },
    { tenantId: b.id, userId: analyst, role: 'analyst' },
  ]);
});

const scope = () => [a.id, b.id];
const tenantsToSeed = () => [
  { id: a.id, analystIds: [analyst] },
  { id: b.id, analystIds: [analyst] },
];

it('seeds twelve weeks of handled incidents once, numbered from the tenant counter', async () => {
  const first = await seedDemoKpiHistory(t.db, tenantsToSeed(), NOW);
  expect(first.created).toBeGreaterThan(2 * 12 * 3 - 1);
  expect(await seedDemoKpiHistory(t.db, tenantsToSeed(), NOW)).toEqual({ created: 0 });

  const counters = await withTenantOn(t.app.db, scope(), async (tx) =>
    rowsOf<{ tenant_id: string; last: number; n: number; max: number }>(
      await tx.execute(sql`
        select s.tenant_id, s.last_incident_number as last, count(i.id)::int as n, max(i.number) as max
        from public.tenant_incident_settings s join public.incidents i on i.tenant_id = s.tenant_id
        group by s.tenant_id, s.last_incident_number`),
    ),
  );
  expect(counters).toHaveLength(2);
  for (const c of counters) expect([c.last, c.max]).toEqual([c.n, c.n]);
  expect(counters.reduce((s, c) => s + c.n, 0)).toBe(first.created);
});

it('gives the dashboard a full history: every incident assigned, SLA outcomes, an improving trend', async () => {
  const range = { from: new Date(NOW.getTime() - 90 * 86_400_000), to: NOW };
  const [total] = await withTenantOn(t.app.db, scope(), (tx) => tenantKpis(tx, range));
  expect(total?.timeToAssign.count).toBe(total?.incidents);
  expect((total?.resolved ?? 0) + (total?.open ?? 0)).toBe(total?.incidents);
  expect(total?.slaAssign.met).toBeGreaterThan(0);
  expect((total?.slaAssign.breached ?? 0) + (total?.slaResolve.breached ?? 0)).toBeGreaterThan(0);
  expect(total?.timeToResolveNet.mean).toBeLessThan(total?.timeToResolve.mean ?? 0);

  const months = await withTenantOn(t.app.db, scope(), (tx) =>
    tenantKpis(tx, {
      from: new Date('2026-04-01T00:00:00Z'),
      to: new Date('2026-07-01T00:00:00Z'),
      groupBy: ['month'],
    }),
  );
  expect(months.map((m) => m.period)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
  const [april, , june] = months;
  expect(june?.timeToAssign.median).toBeLessThan(april?.timeToAssign.median ?? 0);
  expect(june?.timeToResolve.median).toBeLessThan(april?.timeToResolve.median ?? 0);
});
