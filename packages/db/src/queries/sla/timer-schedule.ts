import type { SlaEscalationStep } from '../../schema/index';
import { addCalendarSeconds, type BusinessCalendar } from './business-calendar';

/** What a timer's deadlines are computed from. Pauses push every remaining moment back. */
export type TimerClock = {
  calendar: BusinessCalendar;
  startedAt: Date;
  targetMinutes: number;
  /** Calendar seconds spent paused (already closed pauses). */
  pausedSeconds: number;
};

/** The moment `fraction` of the target has elapsed (1 = the deadline). */
export function clockMoment(clock: TimerClock, fraction: number): Date {
  return addCalendarSeconds(
    clock.calendar,
    clock.startedAt,
    fraction * clock.targetMinutes * 60 + clock.pausedSeconds,
  );
}

export const dueAtOf = (clock: TimerClock): Date => clockMoment(clock, 1);

/** What has fired already on this run of the clock. */
export type TimerProgress = {
  warningFractions: readonly number[];
  warnedFractions: readonly number[];
  /** The deadline that was breached (set when the breach fired). */
  breachedAt: Date | null;
  /** Sorted by `afterMinutes`; already limited to this timer's kind. */
  escalation: readonly SlaEscalationStep[];
  escalationStep: number;
};

export type SlaEvent =
  | { kind: 'warning'; key: string; at: Date; fraction: number }
  | { kind: 'breach'; key: 'breach'; at: Date }
  | { kind: 'escalation'; key: string; at: Date; step: number; notify: SlaEscalationStep['notify'] };

/** float4 round trip (0.9 → 0.8999999762): fractions are compared at four decimals. */
export const normalizeFraction = (f: number): number => Math.round(f * 10_000) / 10_000;

/**
 * Events still to fire, in time order: warnings not yet sent and the breach (both only before a
 * breach), then escalation steps not yet reached, each `afterMinutes` after the breached deadline.
 */
export function pendingEvents(clock: TimerClock, progress: TimerProgress): SlaEvent[] {
  const events: SlaEvent[] = [];
  const warned = new Set(progress.warnedFractions.map(normalizeFraction));
  if (!progress.breachedAt) {
    for (const raw of progress.warningFractions) {
      const fraction = normalizeFraction(raw);
      if (warned.has(fraction)) continue;
      events.push({
        kind: 'warning',
        key: `warning:${fraction}`,
        at: clockMoment(clock, fraction),
        fraction,
      });
    }
    events.push({ kind: 'breach', key: 'breach', at: dueAtOf(clock) });
  }
  const breach = progress.breachedAt ?? dueAtOf(clock);
  progress.escalation.forEach((step, i) => {
    if (i < progress.escalationStep) return;
    events.push({
      kind: 'escalation',
      key: `escalation:${i + 1}`,
      at: new Date(breach.getTime() + step.afterMinutes * 60_000),
      step: i + 1,
      notify: step.notify,
    });
  });
  // Stable: on equal moments warnings come before the breach and the breach before its escalations.
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export type DuePlan = {
  /** Events to record and announce now, in order. */
  announce: SlaEvent[];
  /** Every event that is now done (announced or superseded). */
  done: SlaEvent[];
  /** The next moment something is left to fire, or null. */
  nextFireAt: Date | null;
};

/**
 * What fires at `now`. A timer that fires late (worker downtime, a severity change to a shorter
 * target) announces only what still matters: a due breach supersedes due warnings, and of several
 * due warnings only the latest is announced. Escalation steps are people to notify: each one fires.
 */
export function planDueEvents(clock: TimerClock, progress: TimerProgress, now: Date): DuePlan {
  const pending = pendingEvents(clock, progress);
  const done = pending.filter((e) => e.at.getTime() <= now.getTime());
  const rest = pending.filter((e) => e.at.getTime() > now.getTime());
  const breachDue = done.some((e) => e.kind === 'breach');
  const warnings = done.filter((e) => e.kind === 'warning');
  const lastWarning = warnings[warnings.length - 1];
  const announce = done.filter((e) => e.kind !== 'warning' || (!breachDue && e === lastWarning));
  return { announce, done, nextFireAt: rest[0]?.at ?? null };
}
