import { sql } from 'drizzle-orm';
import type { Db } from '../../database';
import { rowsOf } from '../../rows';
import type { Severity } from '../../schema/index';
import { DEMO_TENANTS, DEMO_USERS } from '../../seed';
import { withTenantOn } from '../../with-tenant';
import { DEFAULT_SLA_POLICIES } from '../sla/default-policies';
import { insertTimeline, type TimelineIncident } from './insert-timeline';

/** Marks the seeded history: a tenant that has it is left alone (idempotent restarts). */
export const DEMO_KPI_HISTORY_KEY = 'demo-kpi-history';
const WEEKS = 12;
const DAY = 86_400_000;
const MIN = 60_000;

const SEVERITIES: Severity[] = [
  'critical',
  'high',
  'high',
  'medium',
  'medium',
  'medium',
  'low',
  'low',
  'info',
];
const TITLES = [
  'Impossible travel sign-in',
  'Malware beacon to known C2',
  'Phishing mail clicked',
  'Brute force on VPN gateway',
  'Suspicious PowerShell execution',
  'Data exfiltration over DNS',
  'New admin account created',
];
/** Typical minutes to pick up and to resolve per severity; each incident varies around them. */
const TYPICAL: Record<Severity, { assign: number; resolve: number }> = {
  critical: { assign: 6, resolve: 150 },
  high: { assign: 9, resolve: 300 },
  medium: { assign: 45, resolve: 900 },
  low: { assign: 120, resolve: 2000 },
  info: { assign: 240, resolve: 3000 },
};

/** The demo tenants with the demo analysts assigned to each (seed.ts). */
export function demoKpiTenants(): { id: string; analystIds: string[] }[] {
  return DEMO_TENANTS.map((t) => ({
    id: t.id,
    analystIds: DEMO_USERS.filter((u) => u.role === 'analyst' && u.tenantSlugs.includes(t.slug)).map(
      (u) => u.id,
    ),
  }));
}

/** mulberry32: a small seeded generator, so every start seeds the same history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Twelve weeks of handled incidents per demo tenant, ending `now`, so the KPI dashboard, the portal's
 * KPI page and reports have history to show: assignments by the tenant's analysts, some waits on the
 * client, a few reopens, SLA timers met or breached against the default 24x7 policies (critical,
 * high). Older weeks are a little slower, so the trend shows the SOC improving.
 */
export async function seedDemoKpiHistory(
  db: Db,
  tenants: readonly { id: string; analystIds: readonly string[] }[],
  now: Date = new Date(),
): Promise<{ created: number }> {
  let created = 0;
  for (const [ti, tenant] of tenants.entries()) {
    if (tenant.analystIds.length === 0) continue;
    created += await withTenantOn(db, tenant.id, async (tx) => {
      const [seeded] = rowsOf<{ n: number }>(
        await tx.execute(
          sql`select count(*)::int as n from public.incidents where group_key = ${DEMO_KPI_HISTORY_KEY}`,
        ),
      );
      if (Number(seeded?.n) > 0) return 0;
      const history = demoHistory(ti, tenant.analystIds, now);
      // Reserve the numbers from the tenant's counter, as intake does, so later incidents follow on.
      const [counter] = rowsOf<{ last: number }>(
        await tx.execute(sql`
          insert into public.tenant_incident_settings as s (tenant_id, last_incident_number)
          values (${tenant.id}, ${history.length})
          on conflict (tenant_id) do update
            set last_incident_number = s.last_incident_number + excluded.last_incident_number, updated_at = now()
          returning s.last_incident_number as last`),
      );
      const first = Number(counter?.last) - history.length + 1;
      await insertTimeline(
        tx,
        tenant.id,
        history.map((inc, n) => ({ ...inc, number: first + n })),
      );
      return history.length;
    });
  }
  return { created };
}

function demoHistory(tenantIndex: number, analysts: readonly string[], now: Date): TimelineIncident[] {
  const rnd = random(0x5eed + tenantIndex * 7919);
  const out: TimelineIncident[] = [];
  // Severities in a fixed rotation: every month gets the same mix, so the trend shows speed, not mix.
  let rotation = tenantIndex;
  for (let week = WEEKS - 1; week >= 0; week--) {
    const perWeek = 3 + ((week + tenantIndex) % 4);
    for (let i = 0; i < perWeek; i++) {
      const createdAt = new Date(now.getTime() - (week * 7 + rnd() * 7 + 0.2) * DAY);
      const severity = SEVERITIES[rotation++ % SEVERITIES.length] as Severity;
      const analyst = analysts[Math.floor(rnd() * analysts.length)] as string;
      const slower = 1 + week * 0.1;
      const assignMin = TYPICAL[severity].assign * (0.5 + rnd()) * slower;
      const waitMin = rnd() < 0.2 ? 60 + rnd() * 300 : 0;
      const resolveMin = assignMin + waitMin + TYPICAL[severity].resolve * (0.5 + rnd()) * slower;
      const reopened = rnd() < 0.08;
      out.push(
        handledIncident({
          severity,
          analyst,
          createdAt,
          assignMin,
          waitMin,
          resolveMin,
          reopened,
          now,
          title: TITLES[Math.floor(rnd() * TITLES.length)] as string,
        }),
      );
    }
  }
  return out;
}

function handledIncident(p: {
  severity: Severity;
  analyst: string;
  createdAt: Date;
  assignMin: number;
  waitMin: number;
  resolveMin: number;
  reopened: boolean;
  now: Date;
  title: string;
}): TimelineIncident {
  const t = (min: number) => new Date(p.createdAt.getTime() + min * MIN);
  const status = (
    min: number,
    from: string,
    to: string,
    reopened = false,
    actor: string | null = p.analyst,
  ) => ({
    kind: 'status_changed' as const,
    at: t(min),
    actorUserId: actor,
    data: { from, to, reopened },
  });
  const events: TimelineIncident['events'] = [
    { kind: 'assigned', at: t(p.assignMin), actorUserId: p.analyst, data: { from: null, to: p.analyst } },
    status(p.assignMin, 'new', 'assigned'),
    status(p.assignMin + 2, 'assigned', 'in_progress'),
  ];
  if (p.waitMin > 0) {
    const ask = p.assignMin + 10;
    events.push(
      { kind: 'comment_added', at: t(ask), actorUserId: p.analyst, data: { visibility: 'shared' } },
      status(ask, 'in_progress', 'waiting_on_client'),
      status(ask + p.waitMin, 'waiting_on_client', 'in_progress', false, null),
    );
  }
  const resolvedAt = t(p.resolveMin);
  const finished = resolvedAt < p.now;
  let final: TimelineIncident['status'] = 'in_progress';
  if (finished) {
    events.push(status(p.resolveMin, 'in_progress', 'resolved'));
    final = 'resolved';
    if (p.reopened && t(p.resolveMin + 24 * 60) < p.now) {
      events.push(status(p.resolveMin + 24 * 60, 'resolved', 'in_progress', true));
      events.push(status(p.resolveMin + 28 * 60, 'in_progress', 'resolved'));
    }
  }
  const policy = DEFAULT_SLA_POLICIES[p.severity];
  const sla: NonNullable<TimelineIncident['sla']> = [];
  // Only the 24x7 defaults: a wall-clock seed cannot honour a business-hours calendar.
  if (policy.enabled && policy.calendar === '24x7' && policy.assignMinutes && policy.resolveMinutes) {
    const judge = (target: number, reachedMin: number | null, pausedMin: number) => {
      const due = target + pausedMin;
      const breached = reachedMin === null ? t(due) < p.now : reachedMin > due;
      return {
        state: reachedMin === null ? ('running' as const) : ('met' as const),
        ...(reachedMin === null ? {} : { metAt: t(reachedMin) }),
        ...(breached ? { breachedAt: t(due) } : {}),
        targetMinutes: target,
        pausedSeconds: Math.round(pausedMin * 60),
      };
    };
    sla.push({ kind: 'assign', ...judge(policy.assignMinutes, p.assignMin, 0) });
    sla.push({ kind: 'resolve', ...judge(policy.resolveMinutes, finished ? p.resolveMin : null, p.waitMin) });
  }
  return {
    number: 0,
    title: p.title,
    groupKey: DEMO_KPI_HISTORY_KEY,
    severity: p.severity,
    status: final,
    assigneeUserId: p.analyst,
    createdAt: p.createdAt,
    events,
    sla,
  };
}
