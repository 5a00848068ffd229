import { insertTimeline, type TimelineIncident } from '@palisade/db/queries/kpis/insert-timeline';
import { tenants } from '@palisade/db/schema';
import { useTestDatabase } from '@palisade/db/testing';
import { KPI_CSV_COLUMNS } from '@palisade/worker/kpis/kpi-csv';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Fixtures, seedFixtures } from '@/test/trpc-fixtures';

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest fixture (before/after hooks), not a React hook
const t = useTestDatabase();
let fx: Fixtures;

const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);
const MARCH = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

/** Created at `iso`, assigned to `analyst` after `assign` s, resolved after `resolve` s (if given). */
function handled(
  number: number,
  iso: string,
  analyst: string,
  assign: number,
  resolve?: number,
): TimelineIncident {
  return {
    number,
    severity: 'high',
    status: resolve ? 'resolved' : 'assigned',
    assigneeUserId: analyst,
    createdAt: at(iso),
    events: [
      { kind: 'assigned', at: at(iso, assign), actorUserId: analyst, data: { from: null, to: analyst } },
      ...(resolve
        ? [
            {
              kind: 'status_changed' as const,
              at: at(iso, resolve),
              actorUserId: analyst,
              data: { from: 'assigned', to: 'resolved', reopened: false },
            },
          ]
        : []),
    ],
    sla: [{ kind: 'assign', state: 'met', targetMinutes: 10, metAt: at(iso, assign) }],
  };
}

beforeAll(async () => {
  fx = await seedFixtures(t.db);
  // A: two weeks of the analyst's work; C: one incident; B (outside the analyst's scope): one.
  await insertTimeline(t.db, fx.a.id, [
    handled(1, '2026-03-02T09:00:00Z', fx.analyst.id, 60, 600),
    handled(2, '2026-03-03T09:00:00Z', fx.analyst.id, 180, 1800),
    handled(3, '2026-03-10T23:30:00Z', fx.analyst.id, 300),
  ]);
  await insertTimeline(t.db, fx.c.id, [handled(1, '2026-03-04T09:00:00Z', fx.analyst.id, 30, 90)]);
  await insertTimeline(t.db, fx.b.id, [handled(1, '2026-03-02T09:00:00Z', fx.b.clientUser.id, 5, 10)]);
});

describe('kpis.query', () => {
  it('gives the analyst per-week figures of its tenants only', async () => {
    const analyst = await callerFor(fx.analyst);
    const rows = await analyst.kpis.query({ ...MARCH, groupBy: ['week', 'analyst'] });
    expect(
      rows.map((r) => [r.period, r.analystName, r.incidents, r.timeToAssign.median, r.timeToResolve.mean]),
    ).toEqual([
      ['2026-03-02', 'analyst', 3, 60, 830], // A's 1 and 2, C's 1: assign [30, 60, 180], resolve [90, 600, 1800]
      ['2026-03-09', 'analyst', 1, 300, null],
    ]);
  });

  it('filters by tenant and refuses bad ranges with BAD_REQUEST', async () => {
    const analyst = await callerFor(fx.analyst);
    const [onlyC] = await analyst.kpis.query({ ...MARCH, tenantId: fx.c.id });
    expect(onlyC).toMatchObject({ incidents: 1, slaAssign: { met: 1, breached: 0, compliance: 1 } });
    await expect(analyst.kpis.query({ from: MARCH.to, to: MARCH.from })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(analyst.kpis.query({ ...MARCH, groupBy: ['day', 'month'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('kpis.exportCsv', () => {
  it('returns the rows as CSV with the documented columns', async () => {
    const analyst = await callerFor(fx.analyst);
    const { fileName, csv } = await analyst.kpis.exportCsv({ ...MARCH, groupBy: ['tenant'] });
    expect(fileName).toBe('kpis-2026-03-01-2026-04-01.csv');
    // No cell here holds a comma, quote or newline, so lines split plainly (the quoting itself is
    // covered by the worker's kpi-csv.test.ts).
    expect(csv.endsWith('\n')).toBe(true);
    const [header, ...lines] = csv
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    expect(header).toEqual(KPI_CSV_COLUMNS);
    const records = lines.map((l) => Object.fromEntries(KPI_CSV_COLUMNS.map((c, n) => [c, l[n]])));
    const byTenant = Object.fromEntries(records.map((r) => [r.tenant_id, r]));
    expect(Object.keys(byTenant).sort()).toEqual([fx.a.id, fx.c.id].sort());
    expect(byTenant[fx.a.id]).toMatchObject({
      tenant: fx.a.name,
      incidents: '3',
      open: '1',
      resolved: '2',
      time_to_assign_count: '3',
      time_to_assign_mean_s: '180',
      time_to_assign_median_s: '180',
      time_to_assign_p90_s: '276', // [60, 180, 300]: 180 + 0.8 × 120
      time_to_resolve_mean_s: '1200',
      time_to_resolve_p90_s: '1680', // [600, 1800]: 600 + 0.9 × 1200
      time_to_first_response_median_s: '180',
      sla_assign_met: '3',
      sla_assign_compliance: '1',
      sla_resolve_compliance: '',
    });
  });
});

describe('kpis.portal', () => {
  it("buckets the client's own incidents in the tenant's time zone", async () => {
    await t.db.update(tenants).set({ timezone: 'Asia/Tokyo' }).where(eq(tenants.id, fx.a.id));
    const client = await callerFor(fx.clientA);
    const k = await client.kpis.portal({ ...MARCH, period: 'day' });
    expect(k.timeZone).toBe('Asia/Tokyo');
    expect(k.totals).toMatchObject({ incidents: 3, resolved: 2 });
    // 2026-03-10T23:30Z is already the 11th in Tokyo.
    expect(k.trend.map((r) => [r.period, r.incidents])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 1],
      ['2026-03-11', 1],
    ]);
    expect(k.bySeverity.map((r) => [r.severity, r.incidents])).toEqual([['high', 3]]);
  });
});
