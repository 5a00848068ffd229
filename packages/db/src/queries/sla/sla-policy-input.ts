import { z } from 'zod';
import { severityLevel, slaCalendar, slaTimerKind } from '../../schema/index';

export const SlaRecipientInput = z.enum(['soc_management', 'assignee', 'primary', 'escalation']);

export const SlaEscalationStepInput = z.object({
  timer: z.enum(slaTimerKind.enumValues),
  /** Minutes after the breach (wall clock); 0 = at the breach. */
  afterMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 30),
  notify: z.array(SlaRecipientInput).min(1).max(4),
});
export type SlaEscalationStepInput = z.infer<typeof SlaEscalationStepInput>;

const Minutes = z
  .int()
  .min(1)
  .max(60 * 24 * 365);

export const SlaPolicyInput = z
  .object({
    severity: z.enum(severityLevel.enumValues),
    enabled: z.boolean(),
    assignMinutes: Minutes.nullable(),
    resolveMinutes: Minutes.nullable(),
    calendar: z.enum(slaCalendar.enumValues),
    warningFractions: z.array(z.number().gt(0).lt(1)).max(5),
    escalation: z.array(SlaEscalationStepInput).max(10),
  })
  .transform((p) => ({
    ...p,
    warningFractions: [...new Set(p.warningFractions.map((f) => Math.round(f * 10_000) / 10_000))].sort(
      (a, b) => a - b,
    ),
    // Steps fire in order of their offset; the firing code relies on it.
    escalation: [...p.escalation].sort((a, b) => a.afterMinutes - b.afterMinutes),
  }));
export type SlaPolicyInput = z.input<typeof SlaPolicyInput>;
export type SlaPolicyConfig = z.output<typeof SlaPolicyInput>;

const HHMM = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm (00:00–24:00)');
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const DayHours = z
  .array(z.tuple([HHMM, HHMM]))
  .max(6)
  .superRefine((intervals, ctx) => {
    const sorted = [...intervals].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    sorted.forEach(([s, e], i) => {
      if (minutesOf(e) <= minutesOf(s))
        ctx.addIssue({ code: 'custom', message: `${s}–${e} ends before it starts` });
      const prev = sorted[i - 1];
      if (prev && minutesOf(prev[1]) > minutesOf(s)) {
        ctx.addIssue({ code: 'custom', message: `${prev[0]}–${prev[1]} overlaps ${s}–${e}` });
      }
    });
  });

/** ISO weekday 1 (Monday) … 7 (Sunday) → intervals; at least one working interval in the week. */
export const WeeklyHoursInput = z
  .object({ 1: DayHours, 2: DayHours, 3: DayHours, 4: DayHours, 5: DayHours, 6: DayHours, 7: DayHours })
  .refine((w) => Object.values(w).some((d) => d.length > 0), 'the week needs at least one working interval');
export type WeeklyHoursInput = z.infer<typeof WeeklyHoursInput>;

export const HolidayInput = z.object({
  day: z.iso.date(),
  name: z.string().trim().min(1).max(100),
});
export type HolidayInput = z.infer<typeof HolidayInput>;
