import { z } from 'zod';

export const SeverityLevel = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type SeverityLevel = z.infer<typeof SeverityLevel>;

const WORDS: Record<string, SeverityLevel> = {
  critical: 'critical',
  crit: 'critical',
  'very-high': 'critical',
  'very high': 'critical',
  veryhigh: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  fatal: 'critical',
  high: 'high',
  severe: 'high',
  major: 'high',
  error: 'high',
  err: 'high',
  medium: 'medium',
  moderate: 'medium',
  med: 'medium',
  warning: 'medium',
  warn: 'medium',
  low: 'low',
  minor: 'low',
  notice: 'low',
  info: 'info',
  informational: 'info',
  information: 'info',
  debug: 'info',
  unknown: 'info',
  none: 'info',
};

/** Named severities across vendors (`High`, `Very-High`, `informational`, syslog names). */
export function severityFromWord(raw: string): SeverityLevel | null {
  return WORDS[raw.trim().toLowerCase()] ?? null;
}

/**
 * A number on a 0..max scale, split the way ArcSight documents CEF (0-3 low, 4-6 medium,
 * 7-8 high, 9-10 critical) and stretched to other scales.
 */
export function severityFromScale(value: number, max: number): SeverityLevel {
  const x = (value / max) * 10;
  if (x >= 9) return 'critical';
  if (x >= 7) return 'high';
  if (x >= 4) return 'medium';
  if (x > 0) return 'low';
  return 'info';
}

/** A word, or a number on the given scale; `fallback` when neither. */
export function severityFrom(raw: unknown, max: number, fallback: SeverityLevel = 'medium'): SeverityLevel {
  if (typeof raw === 'number' && Number.isFinite(raw)) return severityFromScale(raw, max);
  if (typeof raw === 'string') {
    const word = severityFromWord(raw);
    if (word) return word;
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n)) return severityFromScale(n, max);
  }
  return fallback;
}
