import { describe, expect, it } from 'vitest';
import { pendingEvents, planDueEvents, type TimerClock, type TimerProgress } from './timer-schedule';

const start = new Date('2026-06-01T12:00:00Z');
const clock: TimerClock = {
  calendar: { kind: '24x7' },
  startedAt: start,
  targetMinutes: 100,
  pausedSeconds: 0,
};
const progress: TimerProgress = {
  warningFractions: [0.5, 0.75, 0.9],
  warnedFractions: [],
  breachedAt: null,
  escalation: [
    { timer: 'resolve', afterMinutes: 0, notify: ['soc_management'] },
    { timer: 'resolve', afterMinutes: 30, notify: ['escalation'] },
  ],
  escalationStep: 0,
};
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('SLA timer schedule', () => {
  it('lists warnings, the breach and escalation steps in time order', () => {
    expect(pendingEvents(clock, progress).map((e) => [e.key, e.at.toISOString()])).toEqual([
      ['warning:0.5', at(50).toISOString()],
      ['warning:0.75', at(75).toISOString()],
      ['warning:0.9', at(90).toISOString()],
      ['breach', at(100).toISOString()],
      ['escalation:1', at(100).toISOString()],
      ['escalation:2', at(130).toISOString()],
    ]);
  });

  it('a pause pushes every remaining moment back by the paused time', () => {
    const paused = { ...clock, pausedSeconds: 600 };
    expect(pendingEvents(paused, progress)[0]?.at).toEqual(at(60));
  });

  it('fires one warning at its moment and schedules the next', () => {
    const plan = planDueEvents(clock, progress, at(50));
    expect(plan.announce.map((e) => e.key)).toEqual(['warning:0.5']);
    expect(plan.nextFireAt).toEqual(at(75));
  });

  it('late: a due breach swallows the warnings, its at-breach escalation still fires', () => {
    const plan = planDueEvents(clock, progress, at(110));
    expect(plan.announce.map((e) => e.key)).toEqual(['breach', 'escalation:1']);
    expect(plan.done.map((e) => e.key)).toEqual([
      'warning:0.5',
      'warning:0.75',
      'warning:0.9',
      'breach',
      'escalation:1',
    ]);
    expect(plan.nextFireAt).toEqual(at(130));
  });

  it('late warnings announce only the latest', () => {
    expect(planDueEvents(clock, progress, at(95)).announce.map((e) => e.key)).toEqual(['warning:0.9']);
  });

  it('after a breach only the remaining escalation steps are left, counted from the breached deadline', () => {
    const breached = {
      ...progress,
      warnedFractions: [0.5, 0.75, 0.9],
      breachedAt: at(100),
      escalationStep: 1,
    };
    expect(pendingEvents(clock, breached).map((e) => e.key)).toEqual(['escalation:2']);
    expect(planDueEvents(clock, breached, at(129)).announce).toEqual([]);
  });

  it('treats a float4 round trip of a fraction as the same warning', () => {
    const warned = { ...progress, warnedFractions: [0.8999999761581421] };
    expect(pendingEvents(clock, warned).map((e) => e.key)).not.toContain('warning:0.9');
  });
});
