import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { incidents, severityLevel } from './incidents';
import { scopeTenant, tenantPolicy } from './tenant-policy';
import { tenants } from './tenants';

/** `24x7` counts every minute; `business_hours` only the tenant's weekly hours minus its holidays. */
export const slaCalendar = pgEnum('sla_calendar', ['24x7', 'business_hours']);
/** assign: until someone owns the incident (acknowledge); resolve: until it is resolved or closed. */
export const slaTimerKind = pgEnum('sla_timer_kind', ['assign', 'resolve']);
/**
 * running: counting (breached or not); paused: the incident waits on the client; met: the target was
 * reached (late if `breached_at` is set); stopped: no policy applies any more, or a playbook stopped it.
 */
export const slaTimerState = pgEnum('sla_timer_state', ['running', 'paused', 'met', 'stopped']);
export const slaStopReason = pgEnum('sla_stop_reason', ['playbook', 'no_policy']);

/**
 * Who an escalation step notifies: SOC management (MSSP contacts), the incident's assignee, or the
 * tenant's contacts of a kind (`primary`, `escalation`).
 */
export type SlaRecipient = 'soc_management' | 'assignee' | 'primary' | 'escalation';

/** Fires `afterMinutes` (wall clock) after the timer's breach; steps fire in order, each once. */
export type SlaEscalationStep = {
  timer: 'assign' | 'resolve';
  afterMinutes: number;
  notify: SlaRecipient[];
};

/** ISO weekday (1 = Monday … 7 = Sunday) → working intervals `HH:mm`–`HH:mm` in the tenant's timezone. */
export type SlaWeeklyHours = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>;

/** A tenant's SLA for one severity. No row: the built-in default (queries/sla/default-policies.ts). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    severity: severityLevel('severity').notNull(),
    /** Off: incidents of this severity get no timers. */
    enabled: boolean('enabled').notNull().default(true),
    /** Null: no target of that kind. */
    assignMinutes: integer('assign_minutes'),
    resolveMinutes: integer('resolve_minutes'),
    calendar: slaCalendar('calendar').notNull().default('24x7'),
    /** Fractions of the target at which a warning fires, ascending, each in (0, 1). */
    warningFractions: real('warning_fractions').array().notNull().default(sql`'{0.5,0.75,0.9}'::real[]`),
    escalation: jsonb('escalation').$type<SlaEscalationStep[]>().notNull().default(sql`'[]'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.severity] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    check('sla_policies_assign_positive', sql`${t.assignMinutes} is null or ${t.assignMinutes} > 0`),
    check('sla_policies_resolve_positive', sql`${t.resolveMinutes} is null or ${t.resolveMinutes} > 0`),
    tenantPolicy('sla_policies'),
  ],
);

/** A tenant's working week for business-hours SLAs (in `tenants.timezone`). No row: Mon–Fri 09:00–17:00. */
export const slaCalendars = pgTable(
  'sla_calendars',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    weeklyHours: jsonb('weekly_hours').$type<SlaWeeklyHours>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    tenantPolicy('sla_calendars'),
  ],
);

/** Days without business hours for a tenant (in its timezone). */
export const slaHolidays = pgTable(
  'sla_holidays',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    day: date('day', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    tenantPolicy('sla_holidays'),
  ],
);

/**
 * One SLA clock of an incident. `due_at` = `started_at` + target + time paused, counted in the
 * timer's calendar. `next_fire_at` is the next warning, breach or escalation moment (null when
 * nothing is left or the clock is paused/met/stopped): the sweeper and the delayed jobs read it, and
 * firing advances it in the same row update, so each event fires once.
 */
export const slaTimers = pgTable(
  'sla_timers',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    id: uuid('id').notNull().defaultRandom(),
    incidentId: uuid('incident_id').notNull(),
    kind: slaTimerKind('kind').notNull(),
    state: slaTimerState('state').notNull().default('running'),
    /** The policy severity in force (the incident's, unless a playbook's sla.start named one). */
    severity: severityLevel('severity').notNull(),
    severityOverride: severityLevel('severity_override'),
    calendar: slaCalendar('calendar').notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /** Calendar seconds spent paused so far (business seconds for a business-hours timer). */
    pausedSeconds: integer('paused_seconds').notNull().default(0),
    warningFractions: real('warning_fractions').array().notNull(),
    warnedFractions: real('warned_fractions').array().notNull().default(sql`'{}'::real[]`),
    escalation: jsonb('escalation').$type<SlaEscalationStep[]>().notNull(),
    /** Runs of this clock: a reopen restarts the resolve timer as the next round. */
    round: integer('round').notNull().default(0),
    /** Escalation steps fired so far (steps are fired in order). */
    escalationStep: integer('escalation_step').notNull().default(0),
    metAt: timestamp('met_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    /** playbook: an sla.stop (only sla.start restarts it); no_policy: the severity has no target now. */
    stoppedReason: slaStopReason('stopped_reason'),
    nextFireAt: timestamp('next_fire_at', { withTimezone: true }),
    /** When the last warning/breach/escalation was fired (firing lateness = fired_at - moment). */
    lastFiredAt: timestamp('last_fired_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.incidentId],
      foreignColumns: [incidents.tenantId, incidents.id],
    }).onDelete('cascade'),
    uniqueIndex('sla_timers_incident_kind_key').on(t.tenantId, t.incidentId, t.kind),
    // The sweeper's scan across tenants.
    index('sla_timers_next_fire_idx').on(t.nextFireAt).where(sql`${t.nextFireAt} is not null`),
    // Compliance and the portal's "open with time left", per tenant.
    index('sla_timers_tenant_due_idx').on(t.tenantId, t.dueAt),
    check('sla_timers_target_positive', sql`${t.targetMinutes} > 0`),
    check('sla_timers_paused_nonnegative', sql`${t.pausedSeconds} >= 0`),
    tenantPolicy('sla_timers'),
  ],
);

/** One record per fired SLA event: what the firing lateness benchmark and the timeline read. */
export const slaTimerFirings = pgTable(
  'sla_timer_firings',
  {
    tenantId: uuid('tenant_id').notNull().default(scopeTenant),
    timerId: uuid('timer_id').notNull(),
    /** `warning:0.5`, `breach`, `escalation:1`: unique per timer, so an event cannot fire twice. */
    event: text('event').notNull(),
    /** The moment the event was due. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
    /** Which run of the clock (a reopen restarts the resolve timer and its events). */
    round: integer('round').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.timerId, t.round, t.event] }),
    foreignKey({
      columns: [t.tenantId, t.timerId],
      foreignColumns: [slaTimers.tenantId, slaTimers.id],
    }).onDelete('cascade'),
    index('sla_timer_firings_fired_idx').on(t.tenantId, t.firedAt),
    tenantPolicy('sla_timer_firings'),
  ],
);

export type SlaPolicy = typeof slaPolicies.$inferSelect;
export type SlaTimer = typeof slaTimers.$inferSelect;
export type SlaTimerKind = (typeof slaTimerKind.enumValues)[number];
export type SlaTimerState = (typeof slaTimerState.enumValues)[number];
export type SlaCalendarKind = (typeof slaCalendar.enumValues)[number];
export type SlaTimerFiring = typeof slaTimerFirings.$inferSelect;
