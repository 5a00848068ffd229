import { z } from 'zod';

/** An IANA zone name both Node and PostgreSQL know (e.g. `Europe/Berlin`); buckets are cut in it. */
export const KpiTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');
