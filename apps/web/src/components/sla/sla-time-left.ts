import { formatDuration } from '@/components/kpis/format-duration';

/** What a clock shows at `now`: its tone and text. Pure, so the countdown logic is testable. */
export type SlaClockView = {
  tone: 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'stopped';
  text: string;
};

export type SlaClockLike = {
  kind: 'assign' | 'resolve';
  state: 'running' | 'paused' | 'met' | 'stopped';
  dueAt: Date | string;
  breachedAt: Date | string | null;
  targetMinutes: number;
};

/** The last quarter of the target is shown as a warning (the default policy warns at 75 %). */
const WARNING_SHARE = 0.25;

export function slaClockView(clock: SlaClockLike, now: number): SlaClockView {
  const due = new Date(clock.dueAt).getTime();
  if (clock.state === 'stopped') return { tone: 'stopped', text: 'stopped' };
  if (clock.state === 'met')
    return { tone: clock.breachedAt ? 'breached' : 'met', text: clock.breachedAt ? 'met late' : 'met' };
  if (clock.state === 'paused') return { tone: 'paused', text: 'paused (waiting on client)' };
  const left = due - now;
  if (clock.breachedAt || left <= 0)
    return { tone: 'breached', text: `breached ${formatDuration(-left / 1000)} ago` };
  const tone = left <= clock.targetMinutes * 60_000 * WARNING_SHARE ? 'warning' : 'ok';
  return { tone, text: `${formatDuration(left / 1000)} left` };
}
