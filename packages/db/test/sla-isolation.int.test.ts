import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/database';
import { DEFAULT_WEEKLY_HOURS } from '../src/queries/sla/default-policies';
import { listDueSlaTimers } from '../src/queries/sla/list-due-sla-timers';
import { rowsOf } from '../src/rows';
import {
  incidents,
  slaCalendars,
  slaHolidays,
  slaPolicies,
  slaTimerFirings,
  slaTimers,
} from '../src/schema/index';
import type { SeededTenant } from '../src/seed-tenants';
import { seedTenants, useTestDatabase } from '../src/testing';
import { withTenantOn } from '../src/with-tenant';
import { expectScopeSeesOnlyOwnRows, pgFailure, RLS_VIOLATION } from './helpers';
import { SLA_TABLES } from './sla-tables';

// Tenant A's scope against tenant B's SLA rows, per table, each refusal with a positive control.
const t = useTestDatabase();
let a: SeededTenant;
let b: SeededTenant;
const timerOf = new Map<string, string>();

/** One row per SLA table for a tenant (owner connection: fixtures); its timer is overdue. */
async function seed(tenantId: string) {
  const now = new Date();
  const incidentId = crypto.randomUUID();
  const timerId = crypto.randomUUID();
  timerOf.set(tenantId, timerId);
  await t.db.insert(incidents).values({
    tenantId,
    id: incidentId,
    number: 1,
    title: 'iso',
    severity: 'high',
    priority: 'p2',
    firstAlertAt: now,
    lastAlertAt: now,
  });
  await t.db
    .insert(slaPolicies)
    .values({ tenantId, severity: 'high', assignMinutes: 10, resolveMinutes: 60 });
  await t.db.insert(slaCalendars).values({ tenantId, weeklyHours: DEFAULT_WEEKLY_HOURS });
  await t.db.insert(slaHolidays).values({ tenantId, day: '2026-12-25', name: 'Christmas' });
  await t.db.insert(slaTimers).values({
    tenantId,
    id: timerId,
    incidentId,
    kind: 'assign',
    severity: 'high',
    calendar: '24x7',
    targetMinutes: 10,
    startedAt: new Date(now.getTime() - 20 * 60_000),
    dueAt: new Date(now.getTime() - 10 * 60_000),
    warningFractions: [],
    escalation: [],
    nextFireAt: new Date(now.getTime() - 10 * 60_000),
  });
  await t.db
    .insert(slaTimerFirings)
    .values({ tenantId, timerId, event: 'warning:0.5', round: 0, dueAt: now, firedAt: now });
}

beforeAll(async () => {
  [a, b] = (await seedTenants(t.db, 2)) as [SeededTenant, SeededTenant];
  await seed(a.id);
  await seed(b.id);
});

const asA = <T>(fn: (tx: Tx) => Promise<T>) => withTenantOn(t.app.db, a.id, fn);

describe.each(SLA_TABLES)('%s', (table) => {
  it("A's scope sees A's rows and none of B's", () =>
    expectScopeSeesOnlyOwnRows({ owner: t.db, app: t.app.db }, table, a.id, b.id));

  it("A's scope cannot move its rows into B", async () => {
    const failure = await pgFailure(
      asA((tx) =>
        tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${b.id} where tenant_id = ${a.id}`),
      ),
    );
    // Firings are append-only for the app role: no UPDATE grant at all.
    expect(failure.message).toMatch(table === 'sla_timer_firings' ? /permission denied/ : RLS_VIOLATION);
  });
});

describe('SLA timers across the wall', () => {
  it("A's scope cannot change B's timers; its own update reaches its own (positive control)", async () => {
    const theirs = await asA((tx) =>
      tx.execute(sql`update public.sla_timers set next_fire_at = null where tenant_id = ${b.id} returning 1`),
    );
    expect(rowsOf(theirs)).toEqual([]);
    const own = await asA((tx) =>
      tx.execute(sql`update public.sla_timers set state = state where tenant_id = ${a.id} returning 1`),
    );
    expect(rowsOf(own)).toHaveLength(1);
  });

  it('the sweeper lookup lists overdue timers of every tenant as ids only', async () => {
    const due = await listDueSlaTimers(t.app.db, 100);
    expect(due).toEqual(
      expect.arrayContaining([
        { tenantId: a.id, timerId: timerOf.get(a.id) },
        { tenantId: b.id, timerId: timerOf.get(b.id) },
      ]),
    );
    // …while the same login with no scope reads no timer row itself.
    expect(
      rowsOf(
        await t.app.db.transaction(async (tx) => {
          await tx.execute(sql`set local role palisade_app`);
          return tx.execute(sql`select * from public.sla_timers`);
        }),
      ),
    ).toEqual([]);
  });
});
