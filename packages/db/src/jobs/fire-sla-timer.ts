import { z } from 'zod';

/** Fire whatever is due on one SLA timer (warnings, breach, escalation steps); a delayed job per moment. */
export const FIRE_SLA_TIMER = 'fire-sla-timer';

export const FireSlaTimerPayload = z.object({ tenantId: z.uuid(), timerId: z.uuid() });
export type FireSlaTimerPayload = z.infer<typeof FireSlaTimerPayload>;

/** Every minute: fire every overdue timer of every tenant, whatever happened to its delayed job. */
export const SWEEP_SLA_TIMERS = 'sweep-sla-timers';

export const SweepSlaTimersPayload = z.object({
  /** Timers handled per sweep; the rest wait for the next one. */
  limit: z.int().min(1).max(10_000).default(2000),
});
export type SweepSlaTimersPayload = z.infer<typeof SweepSlaTimersPayload>;

/**
 * The notices of one firing (events that fell due together, in order): recipients resolved, emails
 * rendered and queued. Separate from the firing so template rendering never delays a timer.
 */
export const NOTIFY_SLA_EVENTS = 'notify-sla-events';

export const NotifySlaEventsPayload = z.object({
  tenantId: z.uuid(),
  timerId: z.uuid(),
  round: z.int().min(0),
  events: z.array(z.string().min(1)).min(1).max(20),
});
export type NotifySlaEventsPayload = z.infer<typeof NotifySlaEventsPayload>;
