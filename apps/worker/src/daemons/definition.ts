import { GenericMapping } from '@palisade/ioc/generic-mapping';
import { Duration } from '@palisade/playbook/duration';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

const Name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes (max 63)');

const Timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA timezone');

const CronText = z.string().refine((expr) => {
  try {
    CronExpressionParser.parse(expr);
    return true;
  } catch {
    return false;
  }
}, 'not a valid cron expression (five fields, e.g. "*/5 * * * *")');

/** `cron` (in `timezone`) or `every`, each with a random delay up to `jitter`; or `listen` for listeners. */
export const DaemonSchedule = z.union([
  z.object({ listen: z.literal(true) }).strict(),
  z.object({ cron: CronText, timezone: Timezone.default('UTC'), jitter: Duration.default(0) }).strict(),
  z
    .object({
      every: Duration.refine((ms) => ms >= 1000, 'the shortest interval is 1s'),
      jitter: Duration.default(0),
    })
    .strict(),
]);
export type DaemonSchedule = z.infer<typeof DaemonSchedule>;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h)');

export const DaemonRules = z
  .object({
    /** Runs due outside this window are skipped to the next scheduled time. */
    activeHours: z
      .object({
        from: HourMinute,
        to: HourMinute,
        timezone: Timezone.default('UTC'),
        days: z
          .array(z.enum(DAYS))
          .min(1)
          .default([...DAYS]),
      })
      .strict()
      .optional(),
    maxItemsPerRun: z.int().min(1).max(100_000).default(1000),
    /** How far back the first run (no cursor) reaches. */
    lookBack: Duration.default(24 * 3_600_000),
  })
  .strict();
export type DaemonRules = z.infer<typeof DaemonRules>;

/** `secrets.<name>: { credential: <provider> }`: a tenant (or shared MSSP) integration credential. */
export const SecretRef = z.object({ credential: z.string().min(1).max(100) }).strict();

/** What indicator daemons write besides each indicator's own fields. */
export const DaemonOutput = z
  .object({
    /** Feed name stored on each indicator (`misp:circl`); defaults to `daemon:<name>`. */
    source: z.string().min(1).max(200).optional(),
    verdict: z.enum(['malicious', 'suspicious', 'benign']).optional(),
    score: z.int().min(0).max(100).optional(),
    /** Indicators expire this long after they were last seen. */
    expiresAfter: Duration.optional(),
  })
  .strict();

/** The connector-independent part of a daemon's YAML; `inputs` is checked by the kind's own schema. */
export const DaemonDefinition = z
  .object({
    name: Name,
    kind: z.string().min(1),
    description: z.string().max(2000).optional(),
    schedule: DaemonSchedule,
    inputs: z.record(z.string(), z.unknown()).default({}),
    secrets: z.record(z.string(), SecretRef).default({}),
    rules: DaemonRules.default({ maxItemsPerRun: 1000, lookBack: 24 * 3_600_000 }),
    /** JSONata predicate over the external event: only events where it is true become alerts. */
    filter: z.string().min(1).max(2000).optional(),
    /** External event → alert fields, one JSONata expression per field (the intake's generic mapper). */
    mapping: GenericMapping.optional(),
    output: DaemonOutput.default({}),
  })
  .strict();
export type DaemonDefinition = z.infer<typeof DaemonDefinition>;
export type DaemonDefinitionInput = z.input<typeof DaemonDefinition>;

export type ScheduleKind = 'cron' | 'interval' | 'listen';

export function scheduleKind(schedule: DaemonSchedule): ScheduleKind {
  if ('listen' in schedule) return 'listen';
  return 'cron' in schedule ? 'cron' : 'interval';
}
