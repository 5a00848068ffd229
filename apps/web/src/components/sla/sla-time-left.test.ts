import { describe, expect, it } from 'vitest';
import { slaClockView } from './sla-time-left';

const due = new Date('2026-06-01T12:00:00Z');
const clock = {
  kind: 'assign' as const,
  state: 'running' as const,
  dueAt: due,
  breachedAt: null,
  targetMinutes: 10,
};
const at = (minutes: number) => due.getTime() + minutes * 60_000;

describe('SLA clock view', () => {
  it.each([
    [-9, 'ok', '9m 00s left'],
    [-2, 'warning', '2m 00s left'],
    [0, 'breached', 'breached 0s ago'],
    [3.5, 'breached', 'breached 3m 30s ago'],
  ] as const)('%s minutes from the deadline: %s, %s', (minutes, tone, text) => {
    expect(slaClockView(clock, at(minutes))).toEqual({ tone, text });
  });

  it('paused, met, met late and stopped clocks do not tick', () => {
    expect(slaClockView({ ...clock, state: 'paused' }, at(5)).tone).toBe('paused');
    expect(slaClockView({ ...clock, state: 'met' }, at(5))).toEqual({ tone: 'met', text: 'met' });
    expect(slaClockView({ ...clock, state: 'met', breachedAt: due }, at(5))).toEqual({
      tone: 'breached',
      text: 'met late',
    });
    expect(slaClockView({ ...clock, state: 'stopped' }, at(5)).text).toBe('stopped');
  });
});
