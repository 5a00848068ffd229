import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION_RE = /^(\d+)(ms|s|m|h|d)$/;

/**
 * A duration as written in a playbook: `500ms`, `30s`, `5m`, `4h`, `2d`, or a bare number of milliseconds.
 * Parsed to milliseconds so the planner only ever does integer arithmetic on epoch times.
 */
export const Duration = z.union([
  z.int().min(0),
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `'${text}' is not a duration (use e.g. 500ms, 30s, 5m, 4h, 2d)`,
      });
      return z.NEVER;
    }
    return ms;
  }),
]);
export type Duration = z.infer<typeof Duration>;

export function parseDuration(text: string): number | undefined {
  const m = DURATION_RE.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return Number.isSafeInteger(ms) ? ms : undefined;
}
