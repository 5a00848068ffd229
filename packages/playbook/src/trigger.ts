import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

const Filter = z.string().min(1, 'filter must be a JSONata expression');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function cronError(cron: string, timezone: string | undefined): string | undefined {
  try {
    CronExpressionParser.parse(cron, timezone ? { tz: timezone } : {});
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const ScheduleTrigger = z
  .strictObject({
    type: z.literal('schedule'),
    cron: z.string().min(1),
    timezone: z.string().refine(isTimeZone, 'unknown IANA time zone').optional(),
  })
  .superRefine((t, ctx) => {
    if (t.timezone !== undefined && !isTimeZone(t.timezone)) return;
    // Five fields only: cron-parser also accepts a seconds field, which would let a tenant fire every second.
    if (t.cron.trim().split(/\s+/).length !== 5 && !t.cron.trim().startsWith('@')) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: `cron '${t.cron}' must have 5 fields (m h dom mon dow)`,
      });
      return;
    }
    const err = cronError(t.cron, t.timezone);
    if (err) ctx.addIssue({ code: 'custom', path: ['cron'], message: `invalid cron '${t.cron}': ${err}` });
  });

/** What starts a run. Event triggers take an optional JSONata `filter` over `{ incident, alert, changes }`. */
export const Trigger = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('incident.created'), filter: Filter.optional() }),
    z.strictObject({ type: z.literal('incident.updated'), filter: Filter.optional() }),
    z.strictObject({ type: z.literal('alert.received'), filter: Filter.optional() }),
    z.strictObject({ type: z.literal('manual') }),
    ScheduleTrigger,
    z.strictObject({ type: z.literal('called') }),
  ],
  {
    error: () =>
      'trigger type must be one of incident.created, incident.updated, alert.received, manual, schedule, called',
  },
);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerType = Trigger['type'];
