import { describe, expect, it } from 'vitest';
import { matchTrigger, nextScheduledRun } from './match-trigger';
import { Trigger } from './trigger';

describe('matchTrigger', () => {
  const updated = Trigger.parse({ type: 'incident.updated', filter: "changes.status.to = 'resolved'" });

  it('matches the event type and its filter', async () => {
    const incident = { id: 'i', status: 'resolved' };
    expect(
      await matchTrigger(updated, {
        type: 'incident.updated',
        incident,
        changes: { status: { from: 'new', to: 'resolved' } },
      }),
    ).toEqual({ matches: true });
    expect(
      await matchTrigger(updated, {
        type: 'incident.updated',
        incident,
        changes: { title: { from: 'a', to: 'b' } },
      }),
    ).toEqual({ matches: false });
    expect(await matchTrigger(updated, { type: 'incident.created', incident })).toEqual({ matches: false });
    expect(await matchTrigger(Trigger.parse({ type: 'manual' }), { type: 'manual' })).toEqual({
      matches: true,
    });
  });

  it('does not match, and says why, when the filter fails', async () => {
    const broken = Trigger.parse({ type: 'alert.received', filter: '$nope(alert)' });
    const r = await matchTrigger(broken, { type: 'alert.received', alert: {} });
    expect(r.matches).toBe(false);
    expect(r.error).toMatch(/nope|function/i);
  });
});

describe('nextScheduledRun', () => {
  it('gives the next cron fire time in the trigger timezone', () => {
    const t = Trigger.parse({ type: 'schedule', cron: '0 9 * * 1', timezone: 'Europe/Paris' });
    if (t.type !== 'schedule') throw new Error('setup');
    // Thursday 2026-01-01 12:00Z -> Monday 2026-01-05 09:00 Paris = 08:00Z
    expect(new Date(nextScheduledRun(t, Date.UTC(2026, 0, 1, 12))).toISOString()).toBe(
      '2026-01-05T08:00:00.000Z',
    );
  });

  it('refuses six-field (per-second) crons and invalid timezones at validation', () => {
    expect(Trigger.safeParse({ type: 'schedule', cron: '* * * * * *' }).success).toBe(false);
    expect(Trigger.safeParse({ type: 'schedule', cron: '0 9 * * *', timezone: 'Mars/Olympus' }).success).toBe(
      false,
    );
    expect(Trigger.safeParse({ type: 'schedule', cron: '@daily' }).success).toBe(true);
  });
});
