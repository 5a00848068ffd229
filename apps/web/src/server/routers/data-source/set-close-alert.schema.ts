import { CLOSE_ALERT_TARGETS } from '@palisade/db/schema';
import { z } from 'zod';

export const CloseAlertSetting = z.object({
  target: z.enum(CLOSE_ALERT_TARGETS),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000),
  /** Provider name of one of the tenant's integration credentials (Settings → Integrations). */
  credential: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'a credential name such as splunk-close')
    .nullable(),
});
export type CloseAlertSetting = z.infer<typeof CloseAlertSetting>;

export const SetCloseAlertInput = z
  .object({
    dataSourceId: z.uuid(),
    /** null: resolving incidents leaves this source's alerts alone. */
    closeAlert: CloseAlertSetting.nullable(),
    /**
     * Write-only: the token / API key / signing secret to seal under `closeAlert.credential` (the
     * tenant's encrypted integration credentials); omitted = keep what is stored.
     */
    secret: z.string().min(8).max(4096).optional(),
  })
  .refine((v) => v.secret === undefined || v.closeAlert?.credential, {
    message: 'a secret needs a credential name to be stored under',
    path: ['secret'],
  });
export type SetCloseAlertInput = z.infer<typeof SetCloseAlertInput>;
