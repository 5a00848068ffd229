import { z } from 'zod';

/** IANA zone names the runtime knows (luxon and Intl read the same database). */
const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The company fields of a tenant, shared by create, edit and the wizard's first step. */
export const TenantCompanyInput = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      'lowercase letters, digits and dashes, starting with a letter or digit',
    ),
  /** Other names alerts may use for the company (mail domains, SIEM tenant names). */
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  timezone: z.string().trim().refine(isTimeZone, 'not a known IANA time zone').default('UTC'),
});
export type TenantCompanyInput = z.input<typeof TenantCompanyInput>;
